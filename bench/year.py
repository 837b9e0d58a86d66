"""Figure 7: a year of one desk's mornings in the story memory, 40 stories a day (10 of
them continuing earlier stories, 30 new), classified and recorded as a run does. Prints the
time per day at day 1 and day 365 (goal: within 1.2x) and the memory's size after the year."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta
from pathlib import Path

from briefer.stories.memory import FILE, KEEP_DAYS, StoryMemory
from briefer.stories.story import StoryFacts

STORIES_A_DAY, CONTINUING, DAYS = 40, 10, 365


def _facts(rng: random.Random, names: list[str], story: int) -> StoryFacts:
    chosen = frozenset(rng.sample(names, 6))
    numbers = frozenset(str(rng.randrange(1, 10**7)) for _ in range(4))
    return StoryFacts(key=f"story-{story}", names=chosen, numbers=numbers, title=f"Story {story}")


def _one_day(out: Path, day: date, today: list[StoryFacts], keep_days: int) -> float:
    started = time.perf_counter()
    memory, _ = StoryMemory.open(out, "desk", keep_days)
    for facts in today:
        memory.classify(facts, day)
        memory.record(day, facts, ["en", "de"])
    memory.close()
    return time.perf_counter() - started


def figure_7(work: Path, keep_days: int = KEEP_DAYS) -> None:
    rng = random.Random(7)
    names = [f"N{i:05d} S{i % 997:03d}" for i in range(20_000)]  # sound keys: many share a surname
    start, out = date(2026, 1, 1), work / "year"
    out.mkdir(parents=True, exist_ok=True)
    recent: list[StoryFacts] = []
    timings, story = [], 0
    for offset in range(DAYS):
        today = [rng.choice(recent) for _ in range(CONTINUING)] if recent else []
        while len(today) < STORIES_A_DAY:
            story += 1
            today.append(_facts(rng, names, story))
        timings.append(_one_day(out, start + timedelta(days=offset), today, keep_days))
        recent = (recent + today)[-400:]
    first, last = sum(timings[:5]) / 5, sum(timings[-5:]) / 5
    size = (out / FILE).stat().st_size / 1e6
    print(
        f"7. a year of one desk ({STORIES_A_DAY} stories a day): {first * 1000:.0f} ms a day at day 1, "
        f"{last * 1000:.0f} ms at day {DAYS}: ratio {last / first:.2f} (goal <= 1.2); memory.sqlite {size:.1f} MB"
    )
