"""Figure 7: a year of one desk's mornings in the story memory, 40 stories a day (10 of
them continuing earlier stories, 30 new), classified and recorded as a run does. Prints the
time per day at day 365 against three baselines and the memory's size after the year.

The goal (within 1.2x) is judged against the days just after the memory has filled
(keep_days + 8 to + 12): a morning weighs the stories kept, and keep_days bounds them, so from
then on a day costs what day 365 costs if the memory does not grow. Before it has filled, a day
weighs fewer stories: day 1 (an empty memory, nothing to weigh: the fixed part alone, opening,
writing, committing) and the second week (days 8 to 12: a week's memory) are printed beside it,
as what a fuller memory costs. Each figure is the median of five days (one slow morning on a
shared machine is not the memory), as wall time and as the process's own CPU time (which other
users' load leaves alone; it leaves out waiting for the disk)."""

from __future__ import annotations

import random
import statistics
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


def _one_day(out: Path, day: date, today: list[StoryFacts], keep_days: int) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one morning: open, classify and record each story, close."""
    started, cpu = time.perf_counter(), time.process_time()
    memory, _ = StoryMemory.open(out, "desk", keep_days)
    for facts in today:
        memory.classify(facts, day)
        memory.record(day, facts, ["en", "de"])
    memory.close()
    return time.perf_counter() - started, time.process_time() - cpu


def figure_7(work: Path, load: str, keep_days: int = KEEP_DAYS) -> None:
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
    size = (out / FILE).stat().st_size / 1e6

    def ms(days: slice, which: int) -> float:
        return statistics.median(timing[which] for timing in timings[days]) * 1000

    full = slice(keep_days + 7, keep_days + 12)  # days keep_days+8 to +12: the memory just full
    wall = [ms(slice(0, 5), 0), ms(slice(7, 12), 0), ms(full, 0), ms(slice(-5, None), 0)]
    cpu = [ms(slice(0, 5), 1), ms(slice(7, 12), 1), ms(full, 1), ms(slice(-5, None), 1)]
    print(
        f"7. a year of one desk ({STORIES_A_DAY} stories a day, {keep_days} days kept): day {DAYS} against "
        f"days {keep_days + 8}-{keep_days + 12} (the memory just full) = {wall[3] / wall[2]:.2f} wall, "
        f"{cpu[3] / cpu[2]:.2f} CPU (goal <= 1.2); against a smaller memory: the second week (days 8-12) "
        f"{wall[3] / wall[1]:.2f} wall, {cpu[3] / cpu[1]:.2f} CPU, day 1 (empty) {wall[3] / wall[0]:.2f} wall, "
        f"{cpu[3] / cpu[0]:.2f} CPU; ms a day (wall / CPU): day 1 {wall[0]:.0f} / {cpu[0]:.0f}, week 2 "
        f"{wall[1]:.0f} / {cpu[1]:.0f}, day {keep_days + 10} {wall[2]:.0f} / {cpu[2]:.0f}, day {DAYS} "
        f"{wall[3]:.0f} / {cpu[3]:.0f}; memory.sqlite {size:.1f} MB after the year {load}"
    )
