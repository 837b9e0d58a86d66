"""The command line: `briefer run`, `briefer prompts ...`. Maps every error to its exit code
and one clear line on stderr; never prints a secret."""

from __future__ import annotations

import fcntl
import logging
import os
import sys
from contextlib import contextmanager
from datetime import date as Date
from pathlib import Path
from typing import Iterator

import click

from . import pipeline, prompts
from .config import SUPPORTED_LANGUAGES, Settings, load_settings
from .errors import (EXIT_NOTHING_WRITTEN, EXIT_OK, EXIT_PARTIAL, BrieferError, InputError, TemporaryError)
from .ingest import read_sources
from .models import RunReport
from .render import write_outputs

log = logging.getLogger("briefer")


@contextmanager
def _run_lock(out_dir: Path) -> Iterator[None]:
    """One run per output folder at a time; a second one exits 75 at once and touches nothing."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / ".briefer.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise TemporaryError(f"another briefer run holds the lock on {out_dir}; try again later") from None
        yield


def _exit_code(report: RunReport) -> int:
    if report.aborted and report.written == 0:
        return report.abort_exit_code
    if report.written == 0:
        return EXIT_NOTHING_WRITTEN
    if report.written < report.expected or report.rejected_sources or report.aborted:
        return EXIT_PARTIAL
    return EXIT_OK


def run_briefing(settings: Settings, sources: list[str]) -> int:
    articles, rejected = read_sources(sources)
    for line in rejected:
        click.echo(f"briefer: skipped {line}", err=True)
    if not articles:
        raise InputError("no readable article in " + ", ".join(sources))
    brief_prompt = prompts.load_prompt(settings.prompts_dir, "brief")
    digest_prompt = prompts.load_prompt(settings.prompts_dir, "digest")
    day = settings.date or Date.today()
    with _run_lock(settings.out_dir), pipeline.model_endpoint(settings) as llm:
        briefer = pipeline.Briefer(settings, llm, brief_prompt, digest_prompt)
        report = pipeline.run(settings, briefer, articles, rejected, day)
        written = write_outputs(report, settings.out_dir) if report.written else []
    if report.aborted and report.written == 0:
        raise _error_for(report)  # one line: the reason every article stopped
    for line in report.problems():
        if line not in rejected:  # those were said above as "skipped ..."
            click.echo(f"briefer: {line}", err=True)
    code = _exit_code(report)
    click.echo(f"briefer: {report.written} of {report.expected} items written "
               f"({len(articles)} articles x {len(settings.languages)} languages) with {report.model}")
    for path in written:
        click.echo(str(path))
    return code


def _error_for(report: RunReport) -> BrieferError:
    error = BrieferError(report.aborted)
    error.exit_code = report.abort_exit_code
    return error


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="More log lines on stderr (-vv for debug).")
def main(verbose: int) -> None:
    """briefer: short, checked news briefings in several languages.

    With no OPENAI_BASE_URL set, briefer starts its embedded local model (no key, no network).
    Exit codes: 0 all written, 3 partial, 1 nothing written, 2 usage, 75 try later, 78 configuration.
    """
    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=max(level, logging.DEBUG), format="briefer: %(message)s", stream=sys.stderr)


@main.command("run")
@click.argument("sources", nargs=-1, required=True)
@click.option("--lang", "languages", help=f"Comma-separated target languages ({','.join(SUPPORTED_LANGUAGES)}).")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), help="Output folder (default out/).")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), help="Briefing date (default today).")
@click.option("--model", help="Model name at the endpoint (default: the embedded model).")
@click.option("--base-url", help="OpenAI-compatible endpoint (default: OPENAI_BASE_URL, else embedded model).")
@click.option("--words", "words_per_item", type=int, help="About how many words per item (default 60).")
@click.option("--config", "config_file", type=click.Path(path_type=Path), help="Settings file (default ./briefer.toml).")
def run_command(sources: tuple[str, ...], languages: str | None, out_dir: Path | None, day, model: str | None,
                base_url: str | None, words_per_item: int | None, config_file: Path | None) -> None:
    """Brief SOURCES (files, folders of .txt/.md/.html/.json, or - for stdin) into out/<date>/.

    Writes briefing.<lang>.md and .html per language and briefing.json (every item, its
    checks, prompt version and model). Set OPENAI_BASE_URL, OPENAI_API_KEY and --model to use
    any OpenAI-compatible endpoint.
    """
    flags = {"languages": languages, "out_dir": out_dir, "date": day.date() if day else None, "model": model,
             "base_url": base_url, "words_per_item": words_per_item}
    settings = load_settings(flags, config_file)
    sys.exit(run_briefing(settings, list(sources)))


@main.group("prompts")
def prompts_group() -> None:
    """List, show and lock the versioned prompt files."""


@prompts_group.command("list")
def prompts_list() -> None:
    """Every prompt version, its hash and whether it is released (locked)."""
    settings = load_settings()
    lock = prompts.read_lock(settings.prompts_dir)
    for prompt in prompts.all_prompts(settings.prompts_dir):
        state = "released" if lock.get(str(prompt.ref)) == prompt.sha256 else (
            "CHANGED" if str(prompt.ref) in lock else "draft")
        click.echo(f"{str(prompt.ref):<12} {prompt.sha256[:12]}  {state:<8}  {prompt.notes.splitlines()[0] if prompt.notes else ''}")


@prompts_group.command("show")
@click.argument("spec")
def prompts_show(spec: str) -> None:
    """Print prompt SPEC (ID or ID@VERSION) as it is on disk."""
    prompt = prompts.load_prompt(load_settings().prompts_dir, spec)
    click.echo(f"# {prompt.ref} sha256 {prompt.sha256} ({prompt.path})")
    click.echo(prompt.path.read_text(encoding="utf-8"))


@prompts_group.command("lock")
def prompts_lock() -> None:
    """Release new prompt files by pinning their hashes; refuses if a released one changed."""
    added = prompts.lock_prompts(load_settings().prompts_dir)
    click.echo("released: " + (", ".join(added) if added else "nothing new"))


def entry() -> None:
    """Console entry point: every BrieferError becomes one line and its exit code."""
    try:
        main(standalone_mode=False)
    except BrieferError as exc:
        click.echo(f"briefer: error: {exc}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("briefer: interrupted; nothing half-written was left", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("briefer: interrupted; nothing half-written was left", err=True)
        sys.exit(130)
