"""Charts of the analysis as small inline SVG, drawn by hand.

Hand-made SVG keeps the HTML one self-contained file, keeps Chinese as real text (it
searches, copies and prints sharply), renders the same everywhere and costs no matplotlib
import. Colours are the three elements', used the same way in every chart.
"""

from __future__ import annotations

from html import escape

from barrier_cli.reports.analysis.result import TrendPoint

ELEMENT_COLOURS = {"equipment": "#2b6cb0", "personnel": "#c05621", "management": "#2f855a"}
FONT = "font-family=\"'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif\""


def trend_svg(points: list[TrendPoint], names: dict[str, str], title: str) -> str:
    """Stacked monthly bars by element, the last (analysed) month outlined."""
    width, height, left, bottom, top = 480, 250, 30, 42, 30
    plot_w, plot_h = width - left - 10, height - bottom - top
    peak = max((p.reports for p in points), default=0) or 1
    step = plot_w / max(len(points), 1)
    bar = step * 0.62
    parts = [_open(width, height, title)]
    parts.append(
        f'<text x="{left}" y="16" font-size="13" font-weight="bold">{escape(title)}</text>'
    )
    for tick in _ticks(peak):
        y = top + plot_h - plot_h * tick / peak
        parts.append(
            f'<line x1="{left}" x2="{width - 10}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{tick}</text>'
        )
    for n, p in enumerate(points):
        x = left + n * step + (step - bar) / 2
        y = top + plot_h
        for element, colour in ELEMENT_COLOURS.items():
            value = getattr(p, element)
            h = plot_h * value / peak
            if value:
                y -= h
                parts.append(
                    f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" '
                    f'height="{h:.1f}" fill="{colour}"><title>{escape(p.month)} '
                    f"{escape(names[element])}: {value}</title></rect>"
                )
        if n == len(points) - 1:
            parts.append(
                f'<rect x="{x - 2:.1f}" y="{top - 2}" width="{bar + 4:.1f}" height="{plot_h + 4}" '
                f'fill="none" stroke="#333" stroke-dasharray="3 2"/>'
            )
        parts.append(
            f'<text x="{x + bar / 2:.1f}" y="{top + plot_h - (plot_h * p.reports / peak) - 3:.1f}" '
            f'font-size="11" text-anchor="middle">{p.reports}</text>'
            f'<text x="{x + bar / 2:.1f}" y="{height - bottom + 14}" font-size="11" '
            f'text-anchor="middle">{escape(p.month[2:])}</text>'
        )
    parts.append(_legend(names, left, height - 10))
    parts.append("</svg>")
    return "".join(parts)


def split_svg(counts: dict[str, int], names: dict[str, str], title: str) -> str:
    """One horizontal bar split by element (三要素), with counts and shares."""
    width, height, left = 250, 250, 4
    total = sum(counts.values())
    parts = [_open(width, height, title)]
    parts.append(
        f'<text x="{left}" y="16" font-size="13" font-weight="bold">{escape(title)}</text>'
    )
    y = 34
    widest = width - left - 90
    for element, colour in ELEMENT_COLOURS.items():
        value = counts.get(element, 0)
        share = value / total if total else 0.0
        w = widest * share
        parts.append(
            f'<text x="{left}" y="{y + 12}" font-size="12">{escape(names[element])}</text>'
            f'<rect class="bar" x="{left}" y="{y + 18}" width="{w:.1f}" height="20" '
            f'fill="{colour}"><title>{escape(names[element])}: {value}</title></rect>'
            f'<text x="{left + w + 6:.1f}" y="{y + 33}" font-size="12">'
            f"{value} ({share:.0%})</text>"
        )
        y += 60
    parts.append("</svg>")
    return "".join(parts)


def _open(width: int, height: int, title: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        f'aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" {FONT} fill="#222">'
    )


def _legend(names: dict[str, str], x: int, y: int) -> str:
    parts = []
    for element, colour in ELEMENT_COLOURS.items():
        parts.append(
            f'<rect x="{x}" y="{y - 9}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14}" y="{y}" font-size="11">{escape(names[element])}</text>'
        )
        x += 80
    return "".join(parts)


def _ticks(peak: int) -> list[int]:
    """About four round gridline values up to ``peak``."""
    step = max(1, peak // 4)
    for nice in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if nice >= step:
            step = nice
            break
    return list(range(0, peak + 1, step))
