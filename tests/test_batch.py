"""`briefer run --batch` across cron runs, against a fake Batch endpoint on loopback."""

from __future__ import annotations

import json
from pathlib import Path

from briefs import ARTICLE, reply_for
from fake_batch import FakeBatch

from briefer.cli import run_briefing
from briefer.settings.config import load_settings

DAY = "2026-11-27"


def test_a_batch_run_completes_across_invocations_without_direct_calls(tmp_path: Path, capsys) -> None:
    source = tmp_path / "bridge.txt"
    source.write_text(ARTICLE)
    with FakeBatch(responder=reply_for, polls_before_done=1) as fake:
        settings = load_settings(
            {
                "base_url": fake.base_url,
                "model": "fake-model",
                "languages": "en,de,uk",
                "out_dir": tmp_path / "out",
                "date": DAY,
                "cache_dir": tmp_path / "cache",
            },
            environ={},
        )
        assert run_briefing(settings, [str(source)], use_batch=True) == 75  # submitted
        assert "submitted batch" in capsys.readouterr().out
        assert (tmp_path / "out" / f".batch-{DAY}.json").is_file()
        assert not (tmp_path / "out" / DAY / "briefing.json").exists()
        assert run_briefing(settings, [str(source)], use_batch=True) == 75  # still in progress
        assert "in_progress" in capsys.readouterr().out
        assert run_briefing(settings, [str(source)], use_batch=True) == 0  # collected and written
        assert "3 of 3 replies collected" in capsys.readouterr().out
    assert fake.chat_calls == 0  # every reply came through the batch
    uploaded = [json.loads(line) for line in fake.files["file-0"].decode().splitlines()]
    assert len(uploaded) == 3 and all(line["url"] == "/v1/chat/completions" for line in uploaded)
    report = json.loads((tmp_path / "out" / DAY / "briefing.json").read_text())
    assert {item["status"] for item in report["articles"][0]["items"]} == {"passed"}
    assert not (tmp_path / "out" / f".batch-{DAY}.json").exists()
