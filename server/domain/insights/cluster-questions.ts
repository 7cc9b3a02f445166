/**
 * Groups similar questions: TF-IDF vectors (words shared by few questions
 * weigh most), then one pass of leader clustering — each question joins the
 * topic whose centre it is most similar to (cosine ≥ `threshold`) or starts a
 * new one. One pass is O(questions × topics), fine for the 2 000 newest first
 * messages a report reads, and needs no k chosen in advance.
 *
 * Pure: the same questions in the same order give the same topics.
 */
import { questionWords } from './question-words.js';

export interface Question {
  conversationId: string;
  text: string;
}

export interface Topic {
  terms: string[];
  questions: Question[];
  /** The question nearest the centre. */
  example: Question;
}

type Vector = Map<string, number>;

interface Cluster {
  sum: Vector;
  members: { question: Question; vector: Vector }[];
}

const norm = (v: Vector) => Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0));

function cosine(a: Vector, b: Vector, bNorm: number): number {
  if (bNorm === 0) return 0;
  let dot = 0;
  for (const [term, x] of a) dot += x * (b.get(term) ?? 0);
  return dot / bNorm; // `a` is unit length
}

export function clusterQuestions(questions: readonly Question[], threshold = 0.3, termsPerTopic = 3): Topic[] {
  const parsed = questions.map((q) => questionWords(q.text));
  const words = parsed.map((list) => list.map((w) => w.key));
  const df = new Map<string, number>();
  for (const list of words) for (const w of new Set(list)) df.set(w, (df.get(w) ?? 0) + 1);
  // A topic is named with the form people write most ("invoices", not the stem "invoic").
  const forms = new Map<string, Map<string, number>>();
  for (const { key, word } of parsed.flat()) {
    const counts = forms.get(key) ?? new Map<string, number>();
    counts.set(word, (counts.get(word) ?? 0) + 1);
    forms.set(key, counts);
  }
  const shown = (key: string) => [...(forms.get(key) ?? new Map([[key, 1]]))].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))[0]?.[0] ?? key;
  const idf = (w: string) => Math.log((1 + questions.length) / (1 + (df.get(w) ?? 0))) + 1;

  const clusters: Cluster[] = [];
  questions.forEach((question, i) => {
    const vector: Vector = new Map();
    for (const w of words[i] ?? []) vector.set(w, (vector.get(w) ?? 0) + idf(w));
    const length = norm(vector);
    if (length === 0) return; // nothing but function words ("hello?")
    for (const [w, x] of vector) vector.set(w, x / length);
    let best: Cluster | null = null;
    let bestScore = threshold;
    for (const cluster of clusters) {
      const score = cosine(vector, cluster.sum, norm(cluster.sum));
      if (score >= bestScore) {
        best = cluster;
        bestScore = score;
      }
    }
    const target = best ?? clusters[clusters.push({ sum: new Map(), members: [] }) - 1];
    if (!target) return;
    target.members.push({ question, vector });
    for (const [w, x] of vector) target.sum.set(w, (target.sum.get(w) ?? 0) + x);
  });

  return clusters
    .map((cluster) => {
      const centreNorm = norm(cluster.sum);
      const nearest = cluster.members.reduce((a, b) => (cosine(b.vector, cluster.sum, centreNorm) > cosine(a.vector, cluster.sum, centreNorm) ? b : a));
      const terms = [...cluster.sum].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, termsPerTopic).map(([w]) => shown(w));
      return { terms, questions: cluster.members.map((m) => m.question), example: nearest.question };
    })
    .sort((a, b) => b.questions.length - a.questions.length || a.terms.join(' ').localeCompare(b.terms.join(' ')));
}
