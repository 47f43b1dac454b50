"""Reporting: the machine description, the markdown tables and the ratio chart."""

from __future__ import annotations

import datetime
import importlib.metadata
import os
import platform
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ContenderResult:
    name: str
    throughput: float  # MB/s, median of the rounds
    slowest: float  # MB/s of the slowest round
    fastest: float  # MB/s of the fastest round
    ratio: float  # throughput / ftfy's throughput
    rounds: int
    baseline: bool = False


@dataclass(frozen=True)
class AdversarialResult:
    name: str
    description: str
    megabytes: float  # UTF-8 size at 1x
    seconds: dict[str, float]  # contender -> median seconds at 1x
    scaling: dict[str, float]  # contender -> time(1x) / time(0.1x); about 10 when linear
    rounds: dict[str, int]  # contender -> rounds timed at 1x
    ftfy_megabytes: float  # size ftfy was timed on (smaller than ``megabytes`` if capped)
    identical: bool  # presswash.fix_text == ftfy.fix_text on this input

    def speedup(self, contender: str) -> float:
        """ftfy's seconds per MB over ``contender``'s (per MB, as ftfy may have had a smaller input)."""
        ftfy_per_mb = self.seconds["ftfy"] / self.ftfy_megabytes
        return ftfy_per_mb / (self.seconds[contender] / self.megabytes)


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.partition(":")[2].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def _git_revision(repo: Path) -> str:
    try:
        completed = subprocess.run(
            ["git", "-C", str(repo), "describe", "--always", "--dirty"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return "unknown"
    return completed.stdout.strip() if completed.returncode == 0 else "no commit yet"


def machine_info(repo: Path) -> dict[str, str]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "CPU": _cpu_model(),
        "Cores": f"{os.cpu_count()} logical, {usable} usable by this process",
        "OS": f"{platform.system()} {platform.release()}",
        "Python": f"{platform.python_implementation()} {platform.python_version()}",
        "ftfy": _version("ftfy"),
        "presswash": f"{_version('presswash')} (revision {_git_revision(repo)})",
        "plsfix": _version("plsfix"),
        "Date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def _ratio(value: float) -> str:
    return f"{value:.1f}x" if value < 100 else f"{value:.0f}x"


# A 10x larger input taking this many times longer is flagged as superlinear.
SUPERLINEAR = 15.0


def _scaling(value: float) -> str:
    return f"**{value:.1f}**" if value >= SUPERLINEAR else f"{value:.1f}"


def _seconds(value: float) -> str:
    if value >= 1:
        return f"{value:.2f} s"
    if value >= 0.001:
        return f"{value * 1000:.1f} ms"
    return f"{value * 1e6:.0f} µs"


def contender_table(results: list[ContenderResult]) -> str:
    lines = [
        "| Contender | MB/s (median) | slowest – fastest round | vs ftfy |",
        "|---|---:|---:|---:|",
    ]
    for result in results:
        name = f"{result.name} (baseline)" if result.baseline else result.name
        lines.append(
            f"| {name} | {result.throughput:.2f} | {result.slowest:.2f} – {result.fastest:.2f} "
            f"| {_ratio(result.ratio)} |"
        )
    return "\n".join(lines)


def adversarial_table(results: list[AdversarialResult], contenders: list[str]) -> str:
    """``contenders``: the presswash contenders' short keys, e.g. ["fix_text", "clean"]."""
    header = ["Input", "Size"]
    header += [f"{key} time" for key in contenders] + ["ftfy time"]
    header += [f"{key} vs ftfy" for key in contenders]
    header += [f"{key} 10x scaling" for key in contenders] + ["ftfy 10x scaling", "= ftfy"]
    lines = ["| " + " | ".join(header) + " |", "|---|" + "---:|" * (len(header) - 2) + ":---:|"]
    for result in results:
        ftfy_time = _seconds(result.seconds["ftfy"])
        if result.ftfy_megabytes < result.megabytes:
            ftfy_time += f" (on {result.ftfy_megabytes:.2f} MB)"
        row = [result.name, f"{result.megabytes:.2f} MB"]
        row += [_seconds(result.seconds[key]) for key in contenders] + [ftfy_time]
        row += [_ratio(result.speedup(key)) for key in contenders]
        row += [_scaling(result.scaling[key]) for key in [*contenders, "ftfy"]]
        row.append("yes" if result.identical else "**NO**")
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def adversarial_descriptions(results: list[AdversarialResult]) -> str:
    return "\n".join(f"- **{result.name}**: {result.description}" for result in results)


def write_chart(results: list[ContenderResult], path: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [result.name for result in results]
    ratios = [result.ratio for result in results]
    colors = [
        "#9e9e9e" if result.baseline else "#1f77b4" if result.name.startswith("presswash") else "#ff7f0e"
        for result in results
    ]
    figure, axes = plt.subplots(figsize=(9, 0.6 * len(results) + 1.6))
    positions = list(range(len(results)))[::-1]
    axes.barh(positions, ratios, color=colors)
    axes.set_yticks(positions, names)
    axes.axvline(1.0, color="#444444", linewidth=1, linestyle="--")
    log = max(ratios) / max(min(ratios), 1e-9) >= 20
    if log:
        axes.set_xscale("log")
        axes.set_xlim(min(0.5, min(ratios) / 2), max(ratios) * 4)
    else:
        axes.set_xlim(0, max(ratios) * 1.3)
    for position, result in zip(positions, results, strict=True):
        label = f" {_ratio(result.ratio)}  ({result.throughput:.1f} MB/s)"
        axes.text(result.ratio, position, label, va="center", fontsize=9)
    axes.set_xlabel("throughput relative to ftfy.fix_text" + (" (log scale)" if log else ""))
    axes.set_title(title, fontsize=11)
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=120)
    plt.close(figure)
