package org.skillgraph.align;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The best k entries of a score vector, best first (ties: lower index first). */
final class TopK {
    private TopK() {}

    static List<Ranker.Scored> of(double[] scores, int k) {
        Comparator<Ranker.Scored> worstFirst = Comparator.comparingDouble(Ranker.Scored::score)
                .thenComparing(Comparator.comparingInt(Ranker.Scored::target).reversed());
        PriorityQueue<Ranker.Scored> heap = new PriorityQueue<>(worstFirst);
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i]) || scores[i] == Double.NEGATIVE_INFINITY) continue;
            Ranker.Scored s = new Ranker.Scored(i, scores[i]);
            if (heap.size() < k) heap.add(s);
            else if (worstFirst.compare(s, heap.peek()) > 0) { heap.poll(); heap.add(s); }
        }
        List<Ranker.Scored> out = new ArrayList<>(heap);
        out.sort(Collections.reverseOrder(worstFirst));
        return out;
    }

    /** Indices of the best k entries, best first. */
    static int[] indices(double[] scores, int k) {
        return of(scores, k).stream().mapToInt(Ranker.Scored::target).toArray();
    }
}
