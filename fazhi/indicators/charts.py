"""Bar charts drawn as inline SVG on the server: no script, no external asset, Chinese labels
in the page's own font."""

from dataclasses import dataclass

WIDTH, HEIGHT, TOP, BOTTOM = 360, 150, 14, 20


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: str


def bars(points) -> list[Bar]:
    """Bars for [(label, value)] scaled to the largest value; None counts as 0 and shows "—"."""
    if not points:
        return []
    top = max((float(v) for _, v in points if v is not None), default=0) or 1
    slot = WIDTH / len(points)
    usable = HEIGHT - TOP - BOTTOM
    result = []
    for index, (label, value) in enumerate(points):
        height = usable * (float(value) / top) if value is not None else 0
        result.append(
            Bar(
                x=index * slot + slot * 0.15,
                y=TOP + usable - height,
                width=slot * 0.7,
                height=height,
                label=label,
                value="—"
                if value is None
                else f"{value:g}"
                if isinstance(value, int)
                else str(value),
            )
        )
    return result
