package org.skillgraph.recommend;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.skillgraph.error.InputRejectedException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a supporting document (syllabus, course or job description) as lines: {@code .txt},
 * {@code .md}, {@code .html} (tags, scripts and styles removed; nothing fetched), {@code .pdf}
 * (PDFBox) and {@code .docx} (POI). List items come out as lines starting with {@code "- "} and
 * headings as lines starting with {@code "# "}, so {@link Splitter} treats every format alike.
 */
public final class DocumentText {
    private DocumentText() {}

    public enum Format { TXT, MD, HTML, PDF, DOCX }

    private static final Map<String, Format> EXTENSIONS = Map.of(
            "txt", Format.TXT, "text", Format.TXT, "md", Format.MD, "markdown", Format.MD,
            "html", Format.HTML, "htm", Format.HTML, "pdf", Format.PDF, "docx", Format.DOCX);

    /** The format of a file name by its extension, or null when it has none we read. */
    public static Format formatOf(String fileName) {
        if (fileName == null) return null;
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? null : EXTENSIONS.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The format of a media type (text/plain, text/html, application/pdf, the .docx type), or null. */
    public static Format formatOfMediaType(String type) {
        if (type == null) return null;
        String t = type.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return switch (t) {
            case "text/plain" -> Format.TXT;
            case "text/markdown" -> Format.MD;
            case "text/html", "application/xhtml+xml" -> Format.HTML;
            case "application/pdf" -> Format.PDF;
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> Format.DOCX;
            default -> null;
        };
    }

    public static String read(Path file) {
        Format f = formatOf(file.getFileName().toString());
        if (f == null)
            throw new InputRejectedException(file.toString(), null, "unknown document type; give a .txt, .md, .html, .pdf or .docx file");
        try {
            return extract(Files.readAllBytes(file), f, file.toString());
        } catch (IOException e) {
            throw new InputRejectedException(file.toString(), null, "cannot read: " + e.getMessage());
        }
    }

    /** The text of {@code bytes} in format {@code f}; {@code where} names the input in errors. */
    public static String extract(byte[] bytes, Format f, String where) {
        return switch (f) {
            case TXT, MD -> utf8(bytes, where);
            case HTML -> html(utf8(bytes, where));
            case PDF -> pdf(bytes, where);
            case DOCX -> docx(bytes, where);
        };
    }

    static String utf8(byte[] bytes, String where) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (CharacterCodingException e) {
            throw new InputRejectedException(where, null, "not UTF-8 text");
        }
    }

    static String pdf(byte[] bytes, String where) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            s.setParagraphEnd("\n");
            return s.getText(doc);
        } catch (IOException e) {
            throw new InputRejectedException(where, null, "not a readable PDF: " + e.getMessage());
        }
    }

    static String docx(byte[] bytes, String where) {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            StringBuilder sb = new StringBuilder();
            for (IBodyElement e : doc.getBodyElements()) {
                if (e instanceof XWPFParagraph p) paragraph(sb, p);
                else if (e instanceof XWPFTable t) {
                    for (XWPFTableRow r : t.getRows())
                        for (XWPFTableCell c : r.getTableCells())
                            for (XWPFParagraph p : c.getParagraphs()) paragraph(sb, p);
                }
            }
            return sb.toString();
        } catch (IOException | RuntimeException e) {
            // POI reports a file that is not a .docx (or a zip bomb) as IOException or one of its runtime exceptions.
            throw new InputRejectedException(where, null, "not a readable .docx file: " + e.getMessage());
        }
    }

    private static void paragraph(StringBuilder sb, XWPFParagraph p) {
        String text = p.getText().strip();
        if (text.isEmpty()) return;
        String style = p.getStyle() == null ? "" : p.getStyle().toLowerCase(Locale.ROOT);
        if (style.startsWith("heading") || style.equals("title")) sb.append("# ");
        else if (p.getNumID() != null || style.contains("list")) sb.append("- ");
        sb.append(text).append("\n\n");
    }

    private static final Pattern DROP = Pattern.compile(
            "(?is)<!--.*?-->|<(script|style|head|noscript|template|svg|nav|footer)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b[^>]*>|<![^>]*>|<\\?[^>]*>");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");
    private static final Map<String, String> ENTITIES = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ndash", "-"), Map.entry("mdash", "-"),
            Map.entry("rsquo", "'"), Map.entry("lsquo", "'"), Map.entry("ldquo", "\""), Map.entry("rdquo", "\""),
            Map.entry("hellip", "..."), Map.entry("bull", "-"), Map.entry("middot", "-"));
    private static final java.util.Set<String> BLOCK = java.util.Set.of(
            "p", "div", "br", "tr", "table", "section", "article", "header", "main", "aside", "ul", "ol", "dl",
            "dt", "dd", "blockquote", "pre", "hr", "td", "th", "form", "fieldset", "figure", "figcaption");

    /** HTML to lines: scripts, styles and comments dropped, blocks as lines, list items as "- ", headings as "# ". */
    static String html(String html) {
        String s = DROP.matcher(html).replaceAll(" ");
        Matcher m = TAG.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        int last = 0;
        while (m.find()) {
            sb.append(s, last, m.start());
            String name = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
            boolean closing = "/".equals(m.group(1));
            if (name.equals("li")) sb.append(closing ? "\n" : "\n- ");
            else if (name.matches("h[1-6]")) sb.append(closing ? "\n\n" : "\n\n# ");
            else if (BLOCK.contains(name)) sb.append(name.equals("td") || name.equals("th") ? " \n" : "\n\n");
            else sb.append(' ');
            last = m.end();
        }
        sb.append(s.substring(last));
        return entities(sb.toString()).replace('\u00A0', ' ');
    }

    static String entities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            String e = m.group(1), r;
            if (e.startsWith("#x") || e.startsWith("#X")) r = codePoint(e.substring(2), 16);
            else if (e.startsWith("#")) r = codePoint(e.substring(1), 10);
            else r = ENTITIES.getOrDefault(e.toLowerCase(Locale.ROOT), m.group());
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String codePoint(String digits, int radix) {
        try {
            int cp = Integer.parseInt(digits, radix);
            return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : " ";
        } catch (NumberFormatException e) {
            return " ";
        }
    }
}
