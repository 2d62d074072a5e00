"""Make phone-like JPEGs for tests: large, textured, with camera + GPS EXIF and
an orientation tag (the pixels are stored sideways, like a phone held upright)."""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter

GPS_IFD = 0x8825
EXIF_IFD = 0x8769


def phone_exif(orientation: int = 1) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "Samsung"  # Make
    exif[0x0110] = "Galaxy A14"  # Model
    exif[0x0112] = orientation
    exif[0x0131] = "A145FXXU3CWK1"  # Software
    exif[GPS_IFD] = {
        1: "S", 2: (7.0, 58.0, 13.8),  # GPSLatitudeRef, GPSLatitude
        3: "E", 4: (110.0, 16.0, 36.8),  # GPSLongitudeRef, GPSLongitude
    }
    return exif


def phone_photo(path: Path, size: tuple[int, int] = (4000, 3000), orientation: int = 1,
                seed: int = 1, quality: int = 92) -> Path:
    """A textured JPEG of `size` as stored (before orientation), with EXIF."""
    rnd = random.Random(seed)
    w, h = size
    small = Image.new("RGB", (w // 8, h // 8))
    d = ImageDraw.Draw(small)
    for y in range(small.height):  # sky-to-field gradient
        t = y / small.height
        d.line([(0, y), (small.width, y)], fill=(int(90 + 120 * t), int(150 + 60 * t), int(220 - 150 * t)))
    for _ in range(60):
        x, y, r = rnd.randrange(small.width), rnd.randrange(small.height), rnd.randrange(5, 60)
        d.ellipse([x - r, y - r, x + r, y + r],
                  fill=(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    img = small.resize(size, Image.Resampling.BILINEAR)
    noise = Image.effect_noise(size, 40).convert("RGB")  # sensor-like grain: realistic file size
    img = Image.blend(img, noise, 0.18).filter(ImageFilter.SMOOTH)
    # a marker in the stored top-left corner to check orientation handling
    ImageDraw.Draw(img).rectangle([0, 0, w // 10, h // 10], fill=(255, 0, 0))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "JPEG", quality=quality, exif=phone_exif(orientation))
    return path
