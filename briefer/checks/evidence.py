"""The evidence check: a bullet's figures and names stand in the sentences of the source it
cites (brief@3)."""

from __future__ import annotations

from briefer.checks.numbers import known_figure
from briefer.checks.proper_names import known_name
from briefer.checks.source import Source, passed, read_source
from briefer.core.models import CheckResult, Item
from briefer.lang import names, text


def check_evidence(item: Item, source: Source) -> CheckResult:
    """With the sentences each bullet cites (brief@3), a figure or name of the source that none
    of its bullet's sentences holds: right parts in a wrong relation, as often as not ("6.2%
    more working hours" for a 6.2% pay rise, a minister's words given to another). Figures and
    names the source lacks altogether are the numbers and names checks' business; an item
    without evidence is judged as before."""
    findings = []
    for number, (bullet, cited) in enumerate(zip(item.bullets, item.evidence), start=1):
        if not cited:
            continue
        there = read_source(" ".join(cited), source.lang)
        figures = text.figures(bullet, item.lang)
        elsewhere = [f.raw for f in figures if known_figure(f, source) and not known_figure(f, there)]
        elsewhere += [
            name
            for name in names.names_in(bullet, item.lang)
            if known_name(name, item.lang, source) and not known_name(name, item.lang, there)
        ]
        if elsewhere:
            findings.append(f"bullet {number}: {', '.join(dict.fromkeys(elsewhere))}")
    if findings:
        return CheckResult(
            check="evidence",
            passed=False,
            message="figures or names not in the sentences the bullet cites: " + "; ".join(findings),
        )
    return passed("evidence")
