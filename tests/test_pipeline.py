"""The pipeline's logic against a fake OpenAI-compatible server on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from briefs import ARTICLE, asked, is_brief, reply_for
from fake_openai import FakeOpenAI, Step

from briefer.cli import run_briefing
from briefer.settings.config import load_settings

LANGS = "en,de,fr,pl,uk"


def _settings(tmp_path: Path, base_url: str, **extra):
    flags = {
        "base_url": base_url,
        "out_dir": tmp_path / "out",
        "date": "2026-11-27",
        "languages": LANGS,
        "model": "fake-model",
        "cache_dir": tmp_path / "cache",
        **extra,
    }
    return load_settings(flags, environ={})


def _article(tmp_path: Path, text: str = ARTICLE) -> str:
    path = tmp_path / "bridge.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_clean_run_writes_every_language_and_records_prompt_and_model(tmp_path: Path) -> None:
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body))) as fake:
        code = run_briefing(_settings(tmp_path, fake.base_url), [_article(tmp_path)])
    assert code == 0
    day = tmp_path / "out" / "2026-11-27"
    for lang in LANGS.split(","):
        assert (day / f"briefing.{lang}.md").is_file() and (day / f"briefing.{lang}.html").is_file()
    assert "Verkehrsministerin Anna Berg" in (day / "briefing.de.md").read_text()
    report = json.loads((day / "briefing.json").read_text())
    items = report["articles"][0]["items"]
    assert {i["lang"] for i in items} == set(LANGS.split(","))
    assert all(i["status"] == "passed" and i["prompt"] == "brief@2" and i["model"] == "fake-model" for i in items)
    assert all(len(i["prompt_sha256"]) == 64 and i["checks"] for i in items)
    assert len(fake.requests) == 5


def test_every_language_call_shares_the_article_prefix_and_ends_with_its_own_instruction(tmp_path: Path) -> None:
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body))) as fake:
        run_briefing(_settings(tmp_path, fake.base_url), [_article(tmp_path)])
    prompts = [json.dumps(r.body["messages"], ensure_ascii=False) for r in fake.requests]
    cut = prompts[0].index("</source>") + len("</source>")
    assert all(p[:cut] == prompts[0][:cut] for p in prompts)
    endings = {asked(r.body)[0] for r in fake.requests}
    assert endings == set(LANGS.split(","))
    german = next(r for r in fake.requests if asked(r.body)[0] == "de").body["messages"][-1]["content"]
    assert german[german.index("</source>") :].strip() == "</source>\n\nSchreibe die Kurzmeldung auf Deutsch."


def test_a_changed_number_is_reasked_naming_the_failure_then_fixed(tmp_path: Path) -> None:
    calls = []

    def responder(body):
        calls.append(body)
        if len(calls) == 1:  # English, first try: a number the source does not have
            return Step(content=reply_for(body, bullets=["It cost 150 million kroner."]))
        return Step(content=reply_for(body))

    with FakeOpenAI(responder=responder) as fake:
        code = run_briefing(_settings(tmp_path, fake.base_url, languages="en"), [_article(tmp_path)])
    assert code == 0
    reask = fake.requests[1].body["messages"]
    assert reask[-2]["role"] == "assistant" and "150" in reask[-2]["content"]
    assert "numbers" in reask[-1]["content"] and "150" in reask[-1]["content"]
    report = json.loads((tmp_path / "out" / "2026-11-27" / "briefing.json").read_text())
    assert report["articles"][0]["items"][0]["attempts"] == 2


def test_an_item_that_never_passes_is_marked_failed_never_written_as_passed(tmp_path: Path) -> None:
    def responder(body):
        lang = asked(body)[0]
        if lang == "pl":  # English in the Polish briefing, every time
            return Step(
                content=reply_for(
                    body,
                    headline="Anna Berg opens the bridge in Oslo",
                    bullets=["Transport minister Anna Berg opened the new bridge on Monday."],
                )
            )
        return Step(content=reply_for(body))

    with FakeOpenAI(responder=responder) as fake:
        code = run_briefing(_settings(tmp_path, fake.base_url), [_article(tmp_path)])
    assert code == 3
    day = tmp_path / "out" / "2026-11-27"
    polish = (day / "briefing.pl.md").read_text()
    assert "Nie opublikowano" in polish and "language" in polish
    refused = polish.split("Nie opublikowano", 1)[1]
    assert "> Transport minister Anna Berg opened" in refused  # shown, quoted, for the editor to judge
    items = {i["lang"]: i for i in json.loads((day / "briefing.json").read_text())["articles"][0]["items"]}
    assert items["pl"]["status"] == "failed" and items["pl"]["attempts"] == 3
    assert any(c["check"] == "language" and not c["passed"] for c in items["pl"]["checks"])
    assert items["de"]["status"] == "passed"
    pl_requests = [r for r in fake.requests if asked(r.body)[0] == "pl"]
    assert len(pl_requests) == 3  # the first ask and at most two re-asks


def test_an_article_too_long_for_the_context_is_digested_first(tmp_path: Path) -> None:
    paragraph = (
        "Norway's transport minister Anna Berg opened the new Bjørvika bridge in Oslo on Monday. "
        "The bridge cost 120 million kroner and took 3 years to build. "
    ) * 8
    long_text = "Minister Anna Berg opens new bridge in Oslo\n\n" + "\n\n".join([paragraph] * 45)
    assert len(long_text.split()) > 6000

    def responder(body):
        user = body["messages"][-1]["content"]
        if "List the key facts" in user or "Merge these facts" in user:
            return Step(
                content=json.dumps(
                    {
                        "facts": [
                            "Anna Berg opened the Bjørvika bridge in Oslo on Monday.",
                            "It cost 120 million kroner and took 3 years.",
                        ]
                    }
                )
            )
        return Step(content=reply_for(body))

    with FakeOpenAI(responder=responder) as fake:
        code = run_briefing(_settings(tmp_path, fake.base_url, languages="en,de"), [_article(tmp_path, long_text)])
    assert code == 0
    maps = [r for r in fake.requests if "List the key facts" in r.body["messages"][-1]["content"]]
    reduces = [r for r in fake.requests if "Merge these facts" in r.body["messages"][-1]["content"]]
    briefs = [r for r in fake.requests if is_brief(r.body)]
    assert len(maps) > 1 and len(reduces) == 1 and len(briefs) == 2
    assert all('kind="digest"' in r.body["messages"][1]["content"] for r in briefs)
    report = json.loads((tmp_path / "out" / "2026-11-27" / "briefing.json").read_text())
    assert report["articles"][0]["digest"] and report["articles"][0]["items"][0]["from_digest"]


def test_structured_output_is_asked_with_bounded_bullets(tmp_path: Path) -> None:
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body))) as fake:
        run_briefing(_settings(tmp_path, fake.base_url, languages="de"), [_article(tmp_path)])
    schema = fake.requests[0].body["response_format"]["json_schema"]["schema"]
    assert schema["properties"]["stichpunkte"]["maxItems"] == 3
    assert schema["required"] == ["ueberschrift", "stichpunkte"]


def test_the_same_run_twice_asks_the_model_nothing_and_writes_identical_files(tmp_path: Path, capsys) -> None:
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body))) as fake:
        settings = _settings(tmp_path, fake.base_url)
        source = _article(tmp_path)
        assert run_briefing(settings, [source]) == 0
        day = tmp_path / "out" / "2026-11-27"
        first = {p.name: p.read_bytes() for p in day.glob("briefing.*")}
        calls_after_first = len(fake.requests)
        assert run_briefing(settings, [source]) == 0
        second = {p.name: p.read_bytes() for p in day.glob("briefing.*")}
    assert len(fake.requests) == calls_after_first == 5
    assert first == second
    summaries = [line for line in capsys.readouterr().out.splitlines() if "model calls" in line]
    assert " 5 model calls," in summaries[0] and " 0 model calls," in summaries[1]


def test_a_corrupt_cache_entry_is_a_miss_not_a_crash(tmp_path: Path) -> None:
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body))) as fake:
        settings = _settings(tmp_path, fake.base_url, languages="en")
        source = _article(tmp_path)
        run_briefing(settings, [source])
        for entry in (tmp_path / "cache" / "replies").rglob("*.json"):
            entry.write_text("{ truncated")
        assert run_briefing(settings, [source]) == 0
    assert len(fake.requests) == 2


def test_a_rerun_with_one_more_language_pays_only_for_that_language(tmp_path: Path) -> None:
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body))) as fake:
        source = _article(tmp_path)
        assert run_briefing(_settings(tmp_path, fake.base_url, languages="en,de"), [source]) == 0
        before = len(fake.requests)
        assert run_briefing(_settings(tmp_path, fake.base_url, languages="en,de,pl"), [source]) == 0
    assert [asked(r.body)[0] for r in fake.requests[before:]] == ["pl"]


def test_a_budget_skips_what_would_pass_it_and_says_so(tmp_path: Path, capsys) -> None:
    stories = {
        "bridge.txt": ARTICLE,
        "tram.txt": "Lyon opens tram T10\n\nMayor Grégory Doucet opened tram line T10 on Tuesday; 42 trams run.",
        "storm.txt": "Storm on the coast\n\n" + "Winds of 90 km/h hit Brest and Quimper overnight. " * 40,
    }
    for name, text in stories.items():
        (tmp_path / name).write_text(text)
    sources = [str(tmp_path / name) for name in stories]
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body))) as fake:
        # 1200 tokens: bridge and tram fit (their requests may reserve their most at once: ~530 + ~480),
        # storm does not (the three estimates add up to ~1,810)
        code = run_briefing(
            _settings(tmp_path, fake.base_url, languages="en", budget="1200", max_output_tokens=128), sources
        )
    assert code == 3  # written, but not everything
    report = json.loads((tmp_path / "out" / "2026-11-27" / "report.json").read_text())
    assert len(report["skipped"]) == 1 and "storm.txt: skipped, over budget 1200" in report["skipped"][0]
    assert "estimate:" in report["estimate"] and report["usage_by_stage"]["brief"]["en"]["prompt_tokens"] > 0
    assert "skipped, over budget" in capsys.readouterr().err
    assert not any("Brest" in r.body["messages"][1]["content"] for r in fake.requests)


def test_a_money_budget_needs_a_price_for_the_model(tmp_path: Path) -> None:
    from briefer.core.errors import ConfigError

    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body))) as fake:
        with pytest.raises(ConfigError, match="prices"):
            run_briefing(_settings(tmp_path, fake.base_url, budget="0.50 USD"), [_article(tmp_path)])
        settings = _settings(
            tmp_path,
            fake.base_url,
            languages="en",
            budget="0.50 USD",
            prices={"fake-model": {"input": 0.15, "output": 0.6}},
        )
        assert run_briefing(settings, [_article(tmp_path)]) == 0


# ---- evidence (brief@3): which source sentences a bullet rests on ----


def _evidence_reply(cites: list[list[int]]):
    def reply(body: dict) -> Step:
        value = json.loads(reply_for(body))
        value["evidence"] = cites
        return Step(content=json.dumps(value, ensure_ascii=False))

    return reply


def test_brief3_numbers_the_sentences_alike_in_every_language_and_keeps_each_bullets_evidence(tmp_path: Path) -> None:
    with FakeOpenAI(responder=_evidence_reply([[1], [2]])) as fake:
        code = run_briefing(_settings(tmp_path, fake.base_url, brief_prompt="brief@3"), [_article(tmp_path)])
    assert code == 0
    users = [[m["content"] for m in r.body["messages"] if m["role"] == "user"][0] for r in fake.requests]
    assert "[2] The bridge cost 120 million kroner and took 3 years to build." in users[0]
    cut = users[0].index("</source>")
    assert all(u[:cut] == users[0][:cut] for u in users)  # the article part: byte-identical in every language
    schema = fake.requests[0].body["response_format"]["json_schema"]["schema"]
    assert "evidence" in schema["required"]
    day = tmp_path / "out" / "2026-11-27"
    items = json.loads((day / "briefing.json").read_text())["articles"][0]["items"]
    assert all(i["prompt"] == "brief@3" and i["status"] == "passed" for i in items)
    assert items[0]["evidence"][1] == ["The bridge cost 120 million kroner and took 3 years to build."]
    page = (day / "index.html").read_text()
    assert "<details><summary>" in page and "took 3 years to build.</p></blockquote>" in page


def test_a_figure_from_another_sentence_than_the_one_cited_is_flagged_by_evidence(tmp_path: Path) -> None:
    """The 120 million kroner are in the source, but the bullet cites the opening sentence
    only: a right figure in a relation the cited sentence does not make."""
    with FakeOpenAI(responder=_evidence_reply([[1], [1]])) as fake:
        code = run_briefing(_settings(tmp_path, fake.base_url, brief_prompt="brief@3"), [_article(tmp_path)])
    items = json.loads((tmp_path / "out" / "2026-11-27" / "briefing.json").read_text())["articles"][0]["items"]
    evidence = [c for i in items for c in i["checks"] if c["check"] == "evidence"]
    assert code == 0 and all(i["status"] == "flagged" for i in items)  # published, marked for the desk
    assert all(not c["passed"] and "bullet 2: 120" in c["message"] for c in evidence)


def test_an_item_without_evidence_is_judged_as_before(tmp_path: Path) -> None:
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body))) as fake:
        code = run_briefing(_settings(tmp_path, fake.base_url, brief_prompt="brief@3"), [_article(tmp_path)])
    items = json.loads((tmp_path / "out" / "2026-11-27" / "briefing.json").read_text())["articles"][0]["items"]
    assert code == 0 and all(i["status"] == "passed" and i["evidence"] == [] for i in items)


def test_a_refusal_a_re_ask_rarely_fixes_costs_no_second_call(tmp_path: Path) -> None:
    """A check left out of reask_checks fails the item on its first reply: no call is spent
    asking again, and the report says which check refused it."""

    def responder(body):
        if asked(body)[0] == "en":  # English: a number the source does not have
            return Step(content=reply_for(body, bullets=["It cost 150 million kroner."]))
        return Step(content=reply_for(body))

    with FakeOpenAI(responder=responder) as fake:
        settings = _settings(tmp_path, fake.base_url, languages="en,de", reask_checks="structure")
        code = run_briefing(settings, [_article(tmp_path)])
    assert code == 3
    assert len(fake.requests) == 2  # one per language: the English refusal was not asked again
    report = json.loads((tmp_path / "out" / "2026-11-27" / "report.json").read_text())
    (refused,) = report["articles"][0]["refused"]["en"]  # one attempt
    assert "numbers" in refused


def test_report_json_says_where_the_run_s_time_went(tmp_path: Path) -> None:
    """The make-brief figure of make bench reads these from a real run's report.json."""
    with FakeOpenAI(responder=lambda body: Step(content=reply_for(body))) as fake:
        run_briefing(_settings(tmp_path, fake.base_url, languages="en"), [_article(tmp_path)])
    seconds = json.loads((tmp_path / "out" / "2026-11-27" / "report.json").read_text())["seconds"]
    assert set(seconds) == {"run", "plan", "briefing", "model_server", "load"}
    assert seconds["run"] >= seconds["plan"] + seconds["briefing"] - 0.02  # rounded to 10 ms each
    assert seconds["briefing"] > 0 and seconds["model_server"] == 0  # a hosted endpoint reports no server time


def test_a_name_from_another_sentence_than_the_one_cited_is_flagged_by_evidence(tmp_path: Path) -> None:
    """Berg is in the source, but not in the sentence the second bullet cites (the cost)."""

    def reply(body: dict) -> Step:
        lang, headline_key, bullets_key = asked(body)
        bullets = ["The new bridge in Oslo opened on Monday.", "It cost 120 million kroner, minister Anna Berg said."]
        value = {headline_key: "New bridge opens in Oslo", bullets_key: bullets, "evidence": [[1], [2]]}
        return Step(content=json.dumps(value))

    with FakeOpenAI(responder=reply) as fake:
        run_briefing(_settings(tmp_path, fake.base_url, brief_prompt="brief@3", languages="en"), [_article(tmp_path)])
    items = json.loads((tmp_path / "out" / "2026-11-27" / "briefing.json").read_text())["articles"][0]["items"]
    evidence = next(c for c in items[0]["checks"] if c["check"] == "evidence")
    assert not evidence["passed"] and "bullet 2: Anna, Berg" in evidence["message"]
