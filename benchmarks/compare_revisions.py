"""Time this checkout's coder against an earlier revision's, on the same texts and machine.

    .venv/bin/python benchmarks/compare_revisions.py REV [--corpus FILE] [--repeat N]

REV is checked out into a temporary git worktree; each side runs in its own
process with this virtual environment (same spaCy, same model), loads its
pipeline once, codes every article of the corpus (default: the VOA stories in
../shared/corpora, else examples/briefs.jsonl) `--repeat` times, and reports
seconds per article. Parsing is included: it is what a user waits for.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPORA = (
    ROOT.parent / "shared" / "corpora" / "voa_dev.jsonl",
    ROOT / "examples" / "briefs.jsonl",
)

CHILD = r"""
import json, sys, time
from datetime import date
from detente.pipeline import Pipeline, article_from_text
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
repeat = int(sys.argv[2])
def day(r):
    return date.fromisoformat(str(r.get("published") or "2024-01-01")[:10])
articles = [article_from_text(r["text"], day(r), article_id=str(r["id"])) for r in rows]
pipeline = Pipeline().load()
list(pipeline.process(articles[:2]))  # warm up
start = time.perf_counter()
events = 0
for _ in range(repeat):
    events += sum(len(r.events) for r in pipeline.process(articles))
elapsed = time.perf_counter() - start
print(json.dumps({"articles": len(articles) * repeat, "seconds": elapsed, "events": events}))
"""


def run(src: Path, corpus: Path, repeat: int) -> dict:
    env = {"PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(corpus), str(repeat)],
        check=True,
        capture_output=True,
        text=True,
        env={**_base_env(), **env},
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _base_env() -> dict:
    import os

    return {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the earlier revision, e.g. a commit id")
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    corpus = args.corpus or next(p for p in DEFAULT_CORPORA if p.is_file())
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "old"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), args.rev],
            check=True,
            capture_output=True,
        )
        try:
            old = run(tree / "src", corpus, args.repeat)
            new = run(ROOT / "src", corpus, args.repeat)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                check=False,
                capture_output=True,
            )
    for name, result in (("before (" + args.rev + ")", old), ("now", new)):
        per = result["seconds"] / result["articles"]
        print(
            f"{name:>24}: {result['articles']} articles in {result['seconds']:.1f} s, "
            f"{per * 1000:.0f} ms per article, {result['events']} events"
        )
    ratio = (new["seconds"] / new["articles"]) / (old["seconds"] / old["articles"])
    print(f"{'time per article, now / before':>24}: {ratio:.2f}")


if __name__ == "__main__":
    main()
