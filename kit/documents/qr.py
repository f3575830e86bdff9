"""The join QR code, as SVG for the projector and as text for the terminal (library: qrcode)."""

from __future__ import annotations

import io
import re

import qrcode
import qrcode.image.svg


def qr_svg(url: str, size_px: int = 240) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = image.to_string(encoding="unicode")
    # The library sizes in mm; a fixed pixel box keeps it sharp and predictable on a projector.
    return re.sub(r'width="[^"]*" height="[^"]*"', f'width="{size_px}" height="{size_px}"', svg, count=1)


def qr_terminal(url: str) -> str:
    qr = qrcode.QRCode(border=2)
    qr.add_data(url)
    out = io.StringIO()
    qr.print_ascii(out=out, invert=True)
    return out.getvalue()


def qr_image(url: str, box_size: int = 12):
    """The QR as a black-on-white PIL image, sharp enough to print several centimetres wide (the invitation)."""
    return qrcode.make(url, box_size=box_size, border=2).get_image()
