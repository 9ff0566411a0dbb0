//! Benchmarks of the text engine at 100,000 short synthetic notes (15–30
//! words, mixed English and Chinese, `text::synthetic`): tokenizing, the
//! batch TF-IDF fit, the index build, top-10 similar, an edit plus the next
//! query, near-duplicates among 10,000 notes, and topics on 10,000 tickets.
//!
//! It also writes the notes' token lists to
//! `$TMPDIR/rapport_text_bench_tokens.txt` (one note a line, terms separated
//! by spaces), which `benches/text_sklearn.py` reads to time scikit-learn and
//! numpy on the same corpus.

#![allow(missing_docs)] // criterion_group! generates undocumented items

// Criterion is native-only; on wasm32 (clippy --all-targets) this is empty.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::benches();
    criterion::Criterion::default()
        .configure_from_args()
        .final_summary();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use criterion::{criterion_group, Criterion};
    use rapport_core::text::synthetic::{synthetic_doc, synthetic_note};
    use rapport_core::text::{terms, topics, TextDoc, TextIndex, TextKind, TfIdf};

    const N: u64 = 100_000;
    const N_DUPES: u64 = 10_000;

    fn notes(n: u64, kind: TextKind) -> Vec<TextDoc> {
        (0..n).map(|i| synthetic_doc(i, kind)).collect()
    }

    /// Prints one timing of `f` (the first run, cold), besides criterion's.
    fn once<T>(what: &str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        println!("{what}: {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
        out
    }

    fn write_tokens(tokens: &[Vec<String>]) {
        let path = std::env::temp_dir().join("rapport_text_bench_tokens.txt");
        let lines: Vec<String> = tokens.iter().map(|t| t.join(" ")).collect();
        match std::fs::write(&path, lines.join("\n") + "\n") {
            Ok(()) => println!("tokens for text_sklearn.py: {}", path.display()),
            Err(e) => println!("could not write {}: {e}", path.display()),
        }
    }

    fn bench_text(c: &mut Criterion) {
        let texts: Vec<String> = (0..N).map(synthetic_note).collect();
        let tokens: Vec<Vec<String>> = once("tokenize 100k notes", || {
            texts.iter().map(|t| terms(t)).collect()
        });
        write_tokens(&tokens);
        let words: usize = texts.iter().map(|t| t.split(' ').count()).sum();
        let fit = once("tfidf fit 100k", || TfIdf::fit(&tokens));
        println!(
            "corpus: {N} notes, {:.1} words/note, {} terms, {} non-zeros",
            words as f64 / N as f64,
            fit.vocabulary.len(),
            fit.matrix.iter().map(|r| r.entries.len()).sum::<usize>()
        );
        drop(fit);
        let docs = notes(N, TextKind::Note);
        let mut index = once("index build 100k", || TextIndex::build(docs.clone()));
        let probe = docs[4_242].key;
        once("first query after build (weights pass)", || {
            index.similar(probe, 10)
        });

        let mut g = c.benchmark_group("text");
        g.sample_size(10).measurement_time(Duration::from_secs(4));
        g.bench_function("tokenize 100k notes", |b| {
            b.iter(|| texts.iter().map(|t| terms(t).len()).sum::<usize>())
        });
        g.bench_function("tfidf fit 100k (term lists)", |b| {
            b.iter(|| TfIdf::fit(black_box(&tokens)))
        });
        g.bench_function("index build 100k", |b| {
            b.iter(|| TextIndex::build(black_box(docs.clone())))
        });
        g.finish();

        c.bench_function("similar top-10 at 100k", |b| {
            b.iter(|| index.similar(black_box(probe), 10))
        });
        let mut edited = docs[77].clone();
        let (body_a, body_b) = (edited.body.clone(), synthetic_note(N + 77));
        let mut flip = false;
        c.bench_function("upsert (edit) + next similar at 100k", |b| {
            b.iter(|| {
                flip = !flip;
                edited.body = if flip { body_b.clone() } else { body_a.clone() };
                index.upsert(edited.clone());
                index.similar(black_box(probe), 10)
            })
        });
        drop(index);

        let small = TextIndex::build(notes(N_DUPES, TextKind::Note));
        for t in [0.8, 0.9] {
            let pairs = small.near_duplicates(t, &[]);
            println!("near-duplicates 10k @ {t}: {} pairs", pairs.len());
        }
        let mut g = c.benchmark_group("text 10k");
        g.sample_size(10).measurement_time(Duration::from_secs(4));
        g.bench_function("near-duplicates 10k @ 0.8", |b| {
            b.iter(|| small.near_duplicates(black_box(0.8), &[]))
        });
        let tickets = TextIndex::build(notes(N_DUPES, TextKind::Ticket));
        let found = topics(&tickets, &[TextKind::Ticket], 8, 1);
        for t in &found.topics {
            println!("topic {:>5}  {}", t.size, t.name);
        }
        g.bench_function("topics k=8 on 10k tickets", |b| {
            b.iter(|| topics(&tickets, &[TextKind::Ticket], black_box(8), 1))
        });
        g.finish();
    }

    criterion_group!(benches, bench_text);
}
