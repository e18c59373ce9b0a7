import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * A bare embedded Fuseki with only /$/ping and an empty in-memory dataset, to show where the cost
 * of /$/ping comes from (see BENCHMARKS.md, "Server (issue 3)"):
 *
 * <pre>
 * java -Xmx2g -cp /tmp/b-srvbench/skillgraph.jar bench/server/PingServer.java PORT [OUTPUT_BUFFER_BYTES]
 * </pre>
 *
 * Without OUTPUT_BUFFER_BYTES the server keeps Fuseki's HttpConfiguration (JettyLib sets
 * outputBufferSize to 5 MiB); with it, the connectors' outputBufferSize is set to that value
 * (Jetty's own default is 32768) before the server starts.
 */
public class PingServer {
    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        FusekiServer server = FusekiServer.create()
                .port(port)
                .loopback(true)
                .enablePing(true)
                .add("/ds", DatasetGraphFactory.createTxnMem())
                .build();
        for (Connector c : server.getJettyServer().getConnectors()) {
            HttpConnectionFactory f = c.getConnectionFactory(HttpConnectionFactory.class);
            if (f == null) continue;
            if (args.length > 1) f.getHttpConfiguration().setOutputBufferSize(Integer.parseInt(args[1]));
            System.err.println("outputBufferSize=" + f.getHttpConfiguration().getOutputBufferSize());
        }
        server.start();
        System.err.println("ping server on port " + server.getHttpPort());
        server.join();
    }
}
