"""Server-drawn SVG charts for the console: stacked welfare bars per post, lines over hours, bars per hour.

The Content-Security-Policy forbids inline styles, so every colour and size is a presentation attribute
(``fill=``, ``stroke=``, ``font-size=``), never ``style=``. Every text is escaped; the result is Markup
for the templates. Labels and numbers come in already translated and formatted (the caller's ``n``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# The console's status colours (static/console.css uses the same).
COLOURS: dict[str, str] = {
    "safe": "#2e7d32",
    "needs_assistance": "#c62828",
    "unreachable": "#ef6c00",
    "unknown": "#78909c",
    "evacuated": "#6a1b9a",
    "contacts": "#0b5cad",
}
OTHER_COLOUR = "#b0bec5"
FONT = "system-ui, sans-serif"
INK = "#1b2430"
MUTED = "#5b6673"
GRID = "#d7dde4"


def colour(key: str) -> str:
    """The colour of a series (statuses outside the vocabulary share a grey)."""
    return COLOURS.get(key, OTHER_COLOUR)


@dataclass(frozen=True)
class BarRow:
    """One post's bar: its label, link and counts by status."""

    label: str
    href: str
    counts: dict[str, int]


def _markup(parts: list[str]) -> Markup:
    # Safe: every text placed in the parts went through escape(); the rest is fixed markup and numbers.
    return Markup("".join(parts))  # noqa: S704


def _text(x: float, y: float, text: str, *, size: int = 12, anchor: str = "start", fill: str = INK) -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" font-family="{FONT}" fill="{fill}" '
        f'text-anchor="{anchor}">{escape(text)}</text>'
    )


def legend(keys: Sequence[str], labels: dict[str, str], *, width: int) -> tuple[str, float]:
    """A legend (wrapping to more lines when the labels do not fit) and its height."""
    parts = []
    x, y = 0.0, 14.0
    for key in keys:
        label = labels.get(key, key)
        room = 22 + 7.5 * len(label)
        if x + room > width and x > 0:
            x, y = 0.0, y + 20
        parts.append(f'<rect x="{x:.1f}" y="{y - 10:.1f}" width="12" height="12" fill="{colour(key)}"/>')
        parts.append(_text(x + 17, y, label))
        x += room + 14
    return f'<g class="legend">{"".join(parts)}</g>', y + 10


def stacked_bars(
    rows: Sequence[BarRow],
    keys: Sequence[str],
    labels: dict[str, str],
    *,
    title: str,
    n: Callable[[int], str],
    width: int = 900,
) -> Markup:
    """Horizontal 100 % bars, one per post (its share of citizens in each status), the post's code at
    the left (a link to its page) and its number of citizens at the right. Shares, not absolute
    lengths: a small post's help-needed share is as visible as a large one's."""
    label_w, total_w, row_h, bar_h = 110, 90, 20, 14
    bar_w = width - label_w - total_w
    legend_svg, top = legend(keys, labels, width=width)
    top += 6
    height = int(top + row_h * max(1, len(rows)) + 4)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(title)}</title>',
        legend_svg,
    ]
    names = {key: escape(labels.get(key, key)) for key in keys}  # escaped once, not once per bar
    for index, row in enumerate(rows):
        y = top + index * row_h
        total = sum(row.counts.get(k, 0) for k in keys)
        label = escape(row.label)
        out.append(f'<a href="{escape(row.href)}">{_text(0, y + bar_h - 2, row.label, fill="#0b5cad")}</a>')
        x = float(label_w)
        if total == 0:
            out.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar_w}" height="{bar_h}" '
                f'fill="none" stroke="{GRID}"/>'
            )
        for key in keys:
            count = row.counts.get(key, 0)
            if not count or not total:
                continue
            w = bar_w * count / total
            out.append(
                f'<rect x="{x:.2f}" y="{y:.1f}" width="{w:.2f}" height="{bar_h}" fill="{colour(key)}">'
                f"<title>{label}: {names[key]} {escape(n(count))}</title>"
                "</rect>"
            )
            x += w
        out.append(_text(width - 4, y + bar_h - 2, n(total), anchor="end"))
    out.append("</svg>")
    return _markup(out)


def _axes(
    hours: Sequence[str],
    top_value: int,
    *,
    width: int,
    height: int,
    left: int,
    bottom: int,
    n: Callable[[int], str],
) -> list[str]:
    plot_h = height - bottom - 10
    out = []
    for fraction in (0.0, 0.5, 1.0):
        y = 10 + plot_h * (1 - fraction)
        value = round(top_value * fraction)
        out.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>'
        )
        out.append(_text(left - 6, y + 4, n(value), anchor="end", fill=MUTED, size=11))
    step = max(1, len(hours) // 8)
    plot_w = width - left
    for index in range(0, len(hours), step):
        x = left + plot_w * (index + 0.5) / len(hours)
        # "12-06 14h": month-day and hour (UTC) keep the label short.
        label = f"{hours[index][5:10]} {hours[index][11:13]}h"
        # A label at the right edge ends there instead of being cut off.
        anchor = "end" if x + 35 > width else "middle"
        out.append(
            _text(min(x, width - 1.0), height - bottom + 16, label, anchor=anchor, fill=MUTED, size=11)
        )
    return out


def _scale_top(peak: int) -> int:
    return max(1, peak)


def lines(
    hours: Sequence[str],
    series: dict[str, list[int]],
    labels: dict[str, str],
    *,
    title: str,
    n: Callable[[int], str],
    width: int = 900,
    height: int = 240,
) -> Markup:
    """One line per series over the hours (welfare status per hour), with a legend."""
    left, bottom = 70, 24
    keys = list(series)
    legend_svg, legend_h = legend(keys, labels, width=width)
    top_value = _scale_top(max((max(v) for v in series.values() if v), default=0))
    total_h = int(height + legend_h + 6)
    plot_w, plot_h = width - left, height - bottom - 10
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
        f'height="{total_h}" viewBox="0 0 {width} {total_h}"><title>{escape(title)}</title>',
        legend_svg,
        f'<g transform="translate(0 {legend_h + 6:.0f})">',
        *_axes(hours, top_value, width=width, height=height, left=left, bottom=bottom, n=n),
    ]
    for key in keys:
        values = series[key]
        points = " ".join(
            f"{left + plot_w * (i + 0.5) / len(hours):.1f},{10 + plot_h * (1 - v / top_value):.1f}"
            for i, v in enumerate(values)
        )
        out.append(
            f'<polyline points="{points}" fill="none" stroke="{colour(key)}" stroke-width="2">'
            f"<title>{escape(labels.get(key, key))}: {escape(n(values[-1]) if values else '')}</title>"
            "</polyline>"
        )
    out.append("</g></svg>")
    return _markup(out)


def bars(
    hours: Sequence[str],
    values: Sequence[int],
    *,
    key: str,
    title: str,
    n: Callable[[int], str],
    width: int = 900,
    height: int = 200,
) -> Markup:
    """One bar per hour (contacts per hour)."""
    left, bottom = 70, 24
    top_value = _scale_top(max(values, default=0))
    plot_w, plot_h = width - left, height - bottom - 10
    slot = plot_w / max(1, len(hours))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><title>{escape(title)}</title>',
        *_axes(hours, top_value, width=width, height=height, left=left, bottom=bottom, n=n),
    ]
    for index, value in enumerate(values):
        if not value:
            continue
        h = plot_h * value / top_value
        out.append(
            f'<rect x="{left + slot * index + slot * 0.1:.2f}" y="{10 + plot_h - h:.1f}" '
            f'width="{slot * 0.8:.2f}" height="{h:.1f}" fill="{colour(key)}">'
            f"<title>{escape(hours[index])}h: {escape(n(value))}</title></rect>"
        )
    out.append("</svg>")
    return _markup(out)
