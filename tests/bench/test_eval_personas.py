"""The evaluation's score cache, shared by runs of several sets at once."""
from __future__ import annotations

import json

from bench.eval_personas import ScoreCache


class _Scorer:
    name = "fake"

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []

    def logprobs_batch(self, pairs):
        self.asked += pairs
        return [[-float(len(c) + len(x))] for c, x in pairs]


def test_two_runs_sharing_a_cache_file_keep_both_runs_scores(tmp_path):
    path = tmp_path / "cache.json"
    first, second = ScoreCache(_Scorer(), path), ScoreCache(_Scorer(), path)  # both start from no file
    first.logprobs("a passage", "q1")
    second.logprobs("another passage", "q2")
    first.save()
    second.save()  # used to overwrite what the first run saved
    saved = json.loads(path.read_text())
    assert len(saved) == 2 and not list(tmp_path.glob(".*.tmp"))
    scorer = _Scorer()
    again = ScoreCache(scorer, path)
    assert again.logprobs("a passage", "q1") == [-11.0] and again.logprobs("another passage", "q2") == [-17.0]
    assert scorer.asked == []  # both answered from the file
