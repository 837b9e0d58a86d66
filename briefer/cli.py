"""The command line: `briefer run`, `briefer prompts ...`. Maps every error to its exit code
and one clear line on stderr; never prints a secret."""

from __future__ import annotations

import errno
import logging
import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import click

from briefer import __version__
from briefer.app import run
from briefer.app.progress import progress_display
from briefer.briefing import prompts
from briefer.core.errors import EXIT_NOTHING_WRITTEN, EXIT_OK, EXIT_TEMPORARY, BrieferError, Interrupted, UsageError
from briefer.core.files import write_atomic
from briefer.core.redact import redact
from briefer.core.report import RunEnd, RunReport
from briefer.measure import calibration, gate
from briefer.review import release, server
from briefer.review.server import TOKEN_ENV
from briefer.review.store import ReviewStore
from briefer.settings.config import PROJECT_ROOT, SUPPORTED_LANGUAGES, Settings, load_settings
from briefer.stories.memory import StoryMemory

log = logging.getLogger("briefer")


def _plan(plan: run.Plan, settings: Settings) -> int:
    """--dry-run: what a run would brief, and what it would cost; no model is asked."""
    click.echo(
        f"briefer: would brief {len(plan.articles)} articles into {', '.join(settings.languages)} "
        f"with {settings.model_name} at {redact(settings.base_url or '') or 'the embedded model'}"
    )
    for article in plan.articles:
        tokens_in, tokens_out = plan.estimate.per_article[article.id]
        standing = plan.standing[article.id]
        click.echo(
            f"  #{standing.rank} {article.source} [{article.lang}] {article.title[:60]!r}: ~{tokens_in} in, "
            f"~{tokens_out} out ({', '.join(standing.reasons)})"
        )
    for line in (*plan.merged, *plan.ranked_out, *plan.skipped):
        click.echo(f"  {line}")
    click.echo(f"briefer: {plan.estimate.line} (before re-asks)")
    return EXIT_OK


def run_briefing(settings: Settings, sources: list[str], use_batch: bool = False, dry_run: bool = False) -> int:
    if dry_run:  # the memory read as the real run will, never written
        memory = StoryMemory.peek(settings.out_dir, settings.desk, settings.memory_days)
        try:
            plan = run.plan_run(settings, sources, memory)
        finally:
            memory.close()
        _say_skipped(plan.rejected)
        return _plan(plan, settings)
    result = run.brief_sources(settings, sources, use_batch, progress_display)
    for note in result.notes:
        click.echo(f"briefer: {note}")
    report = result.report
    if report is None:
        return result.exit_code  # a Batch job is still running
    _say_skipped(report.rejected_sources)
    if report.aborted and report.written == 0:
        raise BrieferError.with_code(
            report.aborted, report.abort_exit_code
        )  # one line: the reason every article stopped
    for line in report.problems(result.end):
        if line not in report.rejected_sources:  # those were said above as "skipped ..."
            click.echo(f"briefer: {line}", err=True)
    click.echo(_summary(report, result.end, settings))
    for path in result.written:
        click.echo(str(path))
    return result.exit_code


def _say_skipped(rejected) -> None:
    for line in rejected:
        click.echo(f"briefer: skipped {line}", err=True)


def _summary(report: RunReport, end: RunEnd, settings: Settings) -> str:
    flagged = f", {report.flagged} of them flagged" if report.flagged else ""
    novelty = Counter(report.standing_of(o.article.id).novelty for o in report.outcomes)
    stories = ", ".join(f"{novelty[kind]} {kind}" for kind in ("new", "update", "repeat") if novelty[kind])
    ranked_out = f", {len(report.ranked_out)} left out by rank or as repeats" if report.ranked_out else ""
    lines = [
        f"briefer: {report.written} of {report.expected} items published (passed their checks){flagged} "
        f"({len(report.outcomes)} articles x {len(settings.languages)} languages) with {report.model}, "
        f"{report.model_calls} model calls, {report.http_retries} HTTP retries",
        f"briefer: stories: {stories or 'none'}{ranked_out}",
    ]
    if end.delivery:
        lines.append(_delivery_line(end.delivery))
    return "\n".join(lines)


def _delivery_line(delivery: dict) -> str:
    keys = ("sent", "already_sent", "failed", "corrected", "refused", "unrecorded", "unconfirmed")
    sent, already, failed, changed, refused, unrecorded, unconfirmed = (len(delivery.get(key, ())) for key in keys)
    return (
        f"briefer: delivered {sent} message{'s' * (sent != 1)}"
        + (f", {already} already sent earlier" if already else "")
        + (f", {changed} changed since sent (see report.json delivery.corrected)" if changed else "")
        + (f", {failed} FAILED (tried again by the next run)" if failed else "")
        + (f", {refused} REFUSED (fix the setting named above)" if refused else "")
        + (f", {unrecorded} NOT RECORDED in the delivery log (named above)" if unrecorded else "")
        + (f", {unconfirmed} UNCONFIRMED, not sent again (named above)" if unconfirmed else "")
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefer", prog_name="briefer")
@click.option("-v", "--verbose", count=True, help="More log lines on stderr (-vv for debug).")
def main(verbose: int) -> None:
    """briefer: short, checked news briefings in several languages.

    With no OPENAI_BASE_URL set, briefer starts its embedded local model (no key, no network).
    Exit codes: 0 all written, 3 partial, 1 nothing written, 2 usage, 75 try later, 78 configuration.
    """
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger("briefer").setLevel(max(logging.WARNING - 10 * verbose, logging.DEBUG))
    if verbose >= 2:  # the HTTP layer too (the openai SDK redacts the key in what it logs)
        for name in ("openai", "httpx2", "httpcore2", "httpx", "httpcore"):
            logging.getLogger(name).setLevel(logging.DEBUG)


@main.command("run")
@click.argument("sources", nargs=-1)
@click.option("--desk", help="A desk from briefer.toml: its sources, languages, glossary and model settings.")
@click.option("--budget", help="Stop before the estimate passes this many tokens ('200000') or this cost ('0.50 USD').")
@click.option(
    "--batch",
    "use_batch",
    is_flag=True,
    help="Send the calls as an OpenAI Batch job (about half the price, results within 24 h); "
    "exits 75 until the job is done, so cron's next run collects it.",
)
@click.option("--lang", "languages", help=f"Comma-separated target languages ({','.join(SUPPORTED_LANGUAGES)}).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Output folder (default out/).")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), help="Briefing date (default today).")
@click.option("--model", help="Model name at the endpoint (default: the embedded model).")
@click.option("--base-url", help="OpenAI-compatible endpoint (default: OPENAI_BASE_URL, else embedded model).")
@click.option("--words", "words_per_item", type=int, help="About how many words per item (default 60).")
@click.option(
    "--config", "config_file", type=click.Path(path_type=Path), help="Settings file (default ./briefer.toml)."
)
@click.option("--dry-run", is_flag=True, help="Print the plan (sources, articles, estimate) and ask no model.")
def run_command(
    sources: tuple[str, ...],
    desk: str | None,
    budget: str | None,
    use_batch: bool,
    languages: str | None,
    out_dir: Path | None,
    day,
    model: str | None,
    base_url: str | None,
    words_per_item: int | None,
    config_file: Path | None,
    dry_run: bool,
) -> None:
    """Brief SOURCES (files, folders of .txt/.md/.html/.json, URLs, RSS/Atom feeds, or - for stdin)
    into out/<date>/.

    Writes briefing.<lang>.md and .html per language, briefing.json (every item, its checks,
    prompt version and model), index.html (the desk page), feed.<lang>.atom and report.json. Set OPENAI_BASE_URL, OPENAI_API_KEY and --model to use
    any OpenAI-compatible endpoint.
    """
    flags = {
        "languages": languages,
        "out_dir": out_dir,
        "date": day.date() if day else None,
        "model": model,
        "base_url": base_url,
        "words_per_item": words_per_item,
        "budget": budget,
    }
    settings = load_settings(flags, config_file, desk=desk)
    if not sources and not settings.sources:
        raise UsageError("give SOURCES (files, folders, URLs, feeds, or -) or a --desk that lists them")
    sys.exit(run_briefing(settings, list(sources or settings.sources), use_batch, dry_run))


@main.command("check")
@click.argument("fixtures", required=False, default="fixtures", type=click.Path(path_type=Path, file_okay=False))
@click.option("--replay/--live", default=True, help="Replay recorded replies (default, offline) or ask the model.")
@click.option("--record", is_flag=True, help="With --live: save the replies as the new recordings.")
@click.option("--calibration-only", is_flag=True, help="Measure the checks on the calibration set only (no model).")
@click.option(
    "--fixtures-only",
    is_flag=True,
    help="Replay the fixture run and gate it only, without measuring the calibration set (a prompt's change).",
)
@click.option("--report", "report_path", type=click.Path(path_type=Path), help="Write the results as JSON.")
@click.option("--junit", "junit_path", type=click.Path(path_type=Path), help="Write the results as JUnit XML.")
@click.option("--update-pins", is_flag=True, help="Raise the pinned minimums to the scores of this run.")
@click.option("--allow-lower", is_flag=True, help="With --update-pins: let a pin fall too.")
@click.option("--first-sight", is_flag=True, help="Measure the sealed calibration set for the first (and only) time.")
@click.option(
    "--compare",
    "compare_with",
    metavar="brief@N",
    help="Replay another brief prompt version's recordings beside the default's: pass rates and cost side by side.",
)
def check_command(
    fixtures: Path,
    replay: bool,
    record: bool,
    calibration_only: bool,
    fixtures_only: bool,
    report_path: Path | None,
    junit_path: Path | None,
    update_pins: bool,
    allow_lower: bool,
    first_sight: bool,
    compare_with: str | None,
) -> None:
    """Measure the checks on the calibration set, then run every fixture article through the
    pipeline, and gate both against their pins.

    First the checks themselves: every reference brief (FIXTURES/calibration) must pass and
    every labelled defect must be caught by the check that names it; a table per check and
    language. Then article x language x check on the recorded fixture run. Exits 1 when a
    figure falls below its pin in FIXTURES/scores.json. Changing a prompt means a new prompt
    version and `briefer check --live --record` to see what got better or worse.
    """
    if record and replay:
        raise UsageError("--record needs --live: recordings come from a model")
    if fixtures_only and (calibration_only or first_sight):
        raise UsageError("--fixtures-only measures no calibration: drop --calibration-only and --first-sight")
    settings = load_settings()
    if compare_with:
        _compare(settings, fixtures, compare_with)
        return
    # the fixture run first: a prompt changed without its recordings is named at once
    rows = [] if calibration_only else gate.run_gate(settings, fixtures, live=not replay, record=record)
    current = gate.scores(rows)
    outcomes: list[calibration.Outcome] = []
    if not fixtures_only:
        outcomes = calibration.judge(calibration.load_cases(fixtures), settings)
        sealed = _sealed_outcomes(fixtures, settings, first_sight)
        current |= calibration.figures(outcomes + sealed)  # pinned over the whole set
        click.echo(calibration.table(outcomes))
        for line in calibration.misses(outcomes):  # the sealed part's are never shown: nothing to tune on
            click.echo(f"  {line}")
        click.echo("\n" + _goals(fixtures, outcomes, sealed))
    pins = gate.update_pins(fixtures, current, allow_lower) if update_pins else gate.read_pins(fixtures)
    if calibration_only:
        pins = {name: pin for name, pin in pins.items() if name.startswith("calibration.")}
    if fixtures_only:
        pins = {name: pin for name, pin in pins.items() if not name.startswith("calibration.")}
    if rows:
        click.echo("\n" + gate.table(rows, pins))
        for line in gate.failures(rows):
            click.echo(f"  {line}")
    fell, rose = gate.compare(current, pins)
    for line in rose:
        click.echo(f"better: {line} (pin it with --update-pins)")
    if report_path:
        write_atomic(report_path, gate.gate_report_json(rows, current, pins, calibration.as_rows(outcomes)))
    if junit_path:
        write_atomic(junit_path, gate.junit_xml(current, pins))
    for line in fell:
        click.echo(f"briefer: worse: {line}", err=True)
    click.echo(
        f"gate failed: {len(fell)} of {len(pins)} pinned figures below their pins"
        if fell
        else f"gate passed: all {len(pins)} pinned figures at or above their pins"
    )
    sys.exit(1 if fell else 0)


def _sealed_outcomes(fixtures: Path, settings: Settings, first_sight: bool) -> list[calibration.Outcome]:
    """The sealed part, judged only once its first sight is on record (or being taken now)."""
    cases = calibration.load_sealed(fixtures)
    if not cases or (calibration.read_first_sight(fixtures) is None and not first_sight):
        return []
    outcomes = calibration.judge(cases, settings)
    if first_sight:
        calibration.record_first_sight(fixtures, outcomes, _checks_at())
    return outcomes


def _compare(settings: Settings, fixtures: Path, other: str) -> None:
    runs = {}
    for version in (settings.brief_prompt, other):
        spent = gate.Spent()
        local = load_settings({"brief_prompt": version})
        runs[version] = (gate.run_gate(local, fixtures, live=False, record=False, spent=spent), spent)
    click.echo(gate.side_by_side(runs))


def _checks_at() -> str:
    """Which code measured: the commit, when this is a checkout."""
    found = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=PROJECT_ROOT)
    return (
        f"briefer {__version__} {found.stdout.strip()}".strip() if found.returncode == 0 else f"briefer {__version__}"
    )


def _goals(fixtures: Path, tuned: list[calibration.Outcome], sealed: list[calibration.Outcome]) -> str:
    columns = {"tuned set": calibration.promises(tuned), **calibration.earlier_rounds(fixtures)}
    record = calibration.read_first_sight(fixtures)
    if record:
        columns["sealed, 1st sight"] = record["figures"]
    if sealed:
        columns["sealed, now"] = calibration.promises(sealed)
    note = (
        ""
        if record or not calibration.load_sealed(fixtures)
        else ("\nthe sealed set is not measured yet: `briefer check --calibration-only --first-sight`, once")
    )
    return calibration.goals_table(columns) + note


@main.command("send")
@click.option(
    "--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), help="The day to send (--due: default today)."
)
@click.option("--desk", help="A desk from briefer.toml with a [desks.<name>.deliver] table.")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Output folder (default out/).")
@click.option(
    "--config", "config_file", type=click.Path(path_type=Path), help="Settings file (default ./briefer.toml)."
)
@click.option(
    "--due",
    is_flag=True,
    help="Send a reviewed day once its review_deadline has passed or every held item is decided: "
    "approved and edited items in, the rest left out and named; never twice.",
)
def send_command(day, desk: str | None, out_dir: Path | None, config_file: Path | None, due: bool) -> None:
    """Deliver a day's written briefing again, on purpose, to the desk's mail and chat channels
    (a run delivers each day once; a cron rerun sends nothing twice). With --due: send the day
    an editor reviewed (`briefer review`), once."""
    settings = load_settings({"out_dir": out_dir}, config_file, desk=desk)
    if due:
        sys.exit(_send_due(settings, day.date() if day else date.today()))
    if day is None:
        raise UsageError("--date is needed to send a day again (or --due to send a reviewed day)")
    sent = run.send_day(settings, day.date())
    for line in sent.sent:
        click.echo(f"briefer: sent {line}")
    for line in sent.failed:
        click.echo(f"briefer: not delivered: {line}", err=True)
    for line in sent.refused:
        click.echo(f"briefer: not delivered, refused: {line}", err=True)
    for line in (*sent.unrecorded, *sent.unconfirmed):
        click.echo(f"briefer: delivery log: {line}", err=True)
    click.echo(_delivery_line(run.delivery_json(sent)))
    sys.exit(sent.exit_code)


def _send_due(settings: Settings, day: date) -> int:
    sent = release.send(settings, day, datetime.now())
    click.echo(f"briefer: {sent.line}")
    for line in sent.published:
        click.echo(f"briefer: published after review: {line}")
    for line in sent.dropped:
        click.echo(f"briefer: dropped by an editor: {line}")
    for line in sent.left_out:
        click.echo(f"briefer: left out: {line}", err=True)
    for line in sent.archive:  # a day's feed found broken, as a run says it
        click.echo(f"briefer: {line}", err=True)
    if sent.delivery is not None:
        for line in sent.delivery.failed:
            click.echo(f"briefer: not delivered: {line}", err=True)
        click.echo(_delivery_line(run.delivery_json(sent.delivery)))
    return sent.exit_code


@main.command("review")
@click.option("--desk", help="A desk from briefer.toml.")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), help="The day to review (default today).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Output folder (default out/).")
@click.option(
    "--config", "config_file", type=click.Path(path_type=Path), help="Settings file (default ./briefer.toml)."
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help=f"Address to listen on; beyond loopback the pages ask for the token in {TOKEN_ENV}.",
)
@click.option("--port", default=8750, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
def review_command(day, desk: str | None, out_dir: Path | None, config_file: Path | None, host: str, port: int) -> None:
    """Serve the review pages of a day's held items (flagged = "hold", hold_all = true): the
    source beside every language, each check's finding; approve, edit or drop; send the day."""
    settings = load_settings({"out_dir": out_dir}, config_file, desk=desk)
    when = day.date() if day else date.today()
    server.Access.for_host(host)  # no token beyond loopback: refused before anything listens
    with ReviewStore.open(settings.out_dir) as store:
        held = store.day(settings.desk, when)
    if not held.items:
        click.echo(f"briefer: nothing is held for review on {when.isoformat()} (desk {settings.desk})")
        sys.exit(EXIT_OK)
    click.echo(
        f"briefer: {len(held.pending)} of {len(held.items)} held items wait for review: "
        f"http://{'[' + host + ']' if ':' in host else host}:{port}/ (Ctrl-C stops)"
    )
    server.serve(settings, when, host, port)
    click.echo("briefer: review server stopped")


@main.group("prompts")
def prompts_group() -> None:
    """List, show and lock the versioned prompt files."""


@prompts_group.command("list")
def prompts_list() -> None:
    """Every prompt version, its hash and whether it is released (locked)."""
    settings = load_settings()
    lock = prompts.read_lock(settings.prompts_dir)
    for prompt in prompts.all_prompts(settings.prompts_dir):
        state = (
            "released"
            if lock.get(str(prompt.ref)) == prompt.sha256
            else ("CHANGED" if str(prompt.ref) in lock else "draft")
        )
        click.echo(
            f"{str(prompt.ref):<12} {prompt.sha256[:12]}  {state:<8}  {prompt.notes.splitlines()[0] if prompt.notes else ''}"
        )


@prompts_group.command("show")
@click.argument("spec")
def prompts_show(spec: str) -> None:
    """Print prompt SPEC (ID or ID@VERSION) as it is on disk."""
    folder = load_settings().prompts_dir
    known = [str(p.ref) for p in prompts.all_prompts(folder)]
    if spec not in known and spec not in {ref.split("@")[0] for ref in known}:
        raise UsageError(f"no prompt '{spec}'; there are {', '.join(known)}")
    prompt = prompts.load_prompt(folder, spec)
    click.echo(f"# {prompt.ref} sha256 {prompt.sha256} ({prompt.path})")
    click.echo(prompt.path.read_text(encoding="utf-8"))


@prompts_group.command("lock")
def prompts_lock() -> None:
    """Release new prompt files by pinning their hashes; refuses if a released one changed."""
    added = prompts.lock_prompts(load_settings().prompts_dir)
    click.echo("released: " + (", ".join(added) if added else "nothing new"))


def _terminated(signum: int, frame: object) -> None:
    raise Interrupted("stopped by SIGTERM before the end; nothing half-written, the previous briefing is intact")


def _leave(code: int) -> None:
    """Exit now: a model call still running in a worker thread must not hold the process."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def entry() -> None:
    """Console entry point: every BrieferError becomes one line and its exit code."""
    signal.signal(signal.SIGTERM, _terminated)  # unwind: stop the model server, release the lock
    try:
        main(standalone_mode=False)
    except Interrupted as exc:
        click.echo(f"briefer: error: {exc}", err=True)
        _leave(exc.exit_code)
    except OSError as exc:  # the output folder: full disk, no permission
        full = exc.errno == errno.ENOSPC
        click.echo(
            f"briefer: error: {'disk full' if full else exc.strerror} writing {exc.filename or 'the output'}; "
            f"the previous briefing is intact",
            err=True,
        )
        sys.exit(EXIT_TEMPORARY if full else EXIT_NOTHING_WRITTEN)
    except BrieferError as exc:
        click.echo(f"briefer: {'error: ' if exc.exit_code != EXIT_OK else ''}{exc}", err=True)
        sys.exit(exc.exit_code)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("briefer: interrupted; nothing half-written was left", err=True)
        _leave(130)
    except click.ClickException as exc:  # a flag click could not read: one line, as every error
        context = getattr(exc, "ctx", None)  # only usage errors carry the command they belong to
        command = context.command_path if context else "briefer"
        click.echo(f"briefer: error: {exc.format_message()} (see '{command} --help')", err=True)
        sys.exit(exc.exit_code)
