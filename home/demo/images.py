"""Illustrations and logos for the demo site, drawn locally with Pillow.

Nothing is downloaded: each illustration is a small flat scene (loaves on a
shelf, washing on a line, rows in a market garden...) drawn from shapes, so
its text alternative can say plainly what it shows. Drawing is deterministic
(seeded by the scene's name), so a second run produces the same files.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 800
# Drawn at twice the size and scaled down: Pillow's shapes have no
# anti-aliasing of their own.
SUPERSAMPLE = 2

INK = "#1f2a44"


def _scene(name, background):
    image = Image.new("RGB", (WIDTH * SUPERSAMPLE, HEIGHT * SUPERSAMPLE), background)
    return image, ImageDraw.Draw(image), random.Random(name)  # noqa: S311 - not security


def _finish(image, fmt="JPEG"):
    image = image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    if fmt == "JPEG":
        image.save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    else:
        image.save(buffer, fmt, optimize=True)
    return buffer.getvalue()


def _s(*values):
    """Scale design coordinates (given for 1200x800) to the drawing canvas."""
    return [round(v * SUPERSAMPLE) for v in values]


def _sun(draw, x, y, r, colour="#ffd166"):
    draw.ellipse(_s(x - r, y - r, x + r, y + r), fill=colour)


def _hills(draw, rng, base, colours):
    for i, colour in enumerate(colours):
        y = base + i * 60
        points = [(0, HEIGHT)]
        for x in range(0, WIDTH + 100, 100):
            points.append((x, y + 40 * math.sin(x / 180 + i * 1.7) + rng.randint(-8, 8)))
        points.append((WIDTH, HEIGHT))
        draw.polygon([tuple(_s(px, py)) for px, py in points], fill=colour)


def draw_bread():
    image, draw, rng = _scene("bread", "#f6e7cf")
    # Two wooden shelves with loaves of different shapes.
    for shelf_y in (330, 620):
        draw.rectangle(_s(80, shelf_y, 1120, shelf_y + 28), fill="#8c5a3c")
        x = 110
        while x < 1060:
            kind = rng.choice(["round", "long", "plait"])
            w = {"round": 150, "long": 230, "plait": 190}[kind]
            h = {"round": 130, "long": 90, "plait": 110}[kind]
            colour = rng.choice(["#c98a4b", "#b5743a", "#d9a066", "#a8652f"])
            top = shelf_y - h
            draw.ellipse(_s(x, top, x + w, shelf_y + 10), fill=colour)
            # Scoring on the crust.
            for k in range(1, 4):
                cx = x + k * w / 4
                draw.line(
                    _s(cx - 18, top + h * 0.35, cx + 18, top + h * 0.6),
                    fill="#f3d7a8",
                    width=6 * SUPERSAMPLE,
                )
            x += w + rng.randint(20, 45)
    return _finish(image)


def draw_laundry():
    image, draw, rng = _scene("laundry", "#cfe8f3")
    _sun(draw, 1020, 140, 70)
    _hills(draw, rng, 620, ["#8cc084", "#5e9c6a"])
    # A washing line between two poles, with shirts and sheets pegged on it.
    draw.rectangle(_s(90, 180, 110, 700), fill="#6b4f3a")
    draw.rectangle(_s(1090, 180, 1110, 700), fill="#6b4f3a")
    draw.line(_s(100, 200, 600, 250, 1100, 200), fill=INK, width=4 * SUPERSAMPLE)
    colours = ["#ef476f", "#ffffff", "#118ab2", "#ffd166", "#06d6a0", "#f78c6b"]
    x = 150
    while x < 1000:
        y = 200 + 50 * math.sin(math.pi * (x - 100) / 1000)
        colour = rng.choice(colours)
        if rng.random() < 0.5:
            # A shirt: body and sleeves.
            draw.polygon(
                [
                    tuple(_s(px, py))
                    for px, py in (
                        (x, y),
                        (x + 40, y),
                        (x + 60, y + 10),
                        (x + 100, y),
                        (x + 140, y),
                        (x + 170, y + 60),
                        (x + 135, y + 75),
                        (x + 130, y + 200),
                        (x + 10, y + 200),
                        (x + 5, y + 75),
                        (x - 30, y + 60),
                    )
                ],
                fill=colour,
            )
            x += 200
        else:
            draw.rectangle(_s(x, y, x + 150, y + 260), fill=colour)
            x += 175
        draw.rectangle(_s(x - 20, y - 14, x - 10, y + 14), fill="#8d6e63")
    return _finish(image)


def draw_garden():
    image, draw, rng = _scene("garden", "#bde0fe")
    _sun(draw, 180, 150, 80)
    draw.rectangle(_s(0, 380, WIDTH, HEIGHT), fill="#a47148")
    # Rows of vegetables narrowing towards the horizon.
    for row in range(7):
        y = 400 + row * row * 9 + row * 12
        size = 10 + row * 6
        step = size * 2.2
        x = -rng.randint(0, int(step))
        colour = rng.choice(["#2d6a4f", "#40916c", "#52b788", "#74c69d"])
        while x < WIDTH + size:
            draw.ellipse(_s(x, y - size, x + size * 1.6, y + size * 0.6), fill=colour)
            if row > 3 and rng.random() < 0.25:
                draw.ellipse(
                    _s(x + size * 0.5, y - size * 0.4, x + size, y + size * 0.1), fill="#e63946"
                )
            x += step
    return _finish(image)


def draw_olives():
    image, draw, rng = _scene("olives", "#fde4cf")
    _sun(draw, 980, 170, 90, "#f4a261")
    _hills(draw, rng, 520, ["#d4a373", "#bc8a5f"])
    for x in (180, 520, 860):
        # Twisted trunk and a silver-green crown.
        draw.polygon(
            [
                tuple(_s(px, py))
                for px, py in (
                    (x - 30, 700),
                    (x + 30, 700),
                    (x + 18, 560),
                    (x + 40, 470),
                    (x, 480),
                    (x - 25, 560),
                )
            ],
            fill="#6d4c41",
        )
        for _ in range(14):
            cx = x + rng.randint(-150, 150)
            cy = 380 + rng.randint(-90, 80)
            r = rng.randint(55, 95)
            draw.ellipse(
                _s(cx - r, cy - r * 0.7, cx + r, cy + r * 0.7),
                fill=rng.choice(["#8a9a5b", "#6b8f71", "#a3b18a"]),
            )
        for _ in range(25):
            cx = x + rng.randint(-150, 150)
            cy = 380 + rng.randint(-80, 80)
            draw.ellipse(_s(cx - 8, cy - 11, cx + 8, cy + 11), fill="#3d405b")
    return _finish(image)


def draw_print():
    image, draw, rng = _scene("print", "#f1faee")
    # Fanned stacks of coloured sheets and a printing roller.
    colours = ["#e63946", "#457b9d", "#f4a261", "#2a9d8f", "#ffb703", "#8338ec"]
    for i in range(9):
        x = 120 + i * 45
        y = 170 + i * 30
        draw.rectangle(_s(x + 12, y + 12, x + 532, y + 372), fill="#d8dde3")
        draw.rectangle(_s(x, y, x + 520, y + 360), fill=colours[i % len(colours)])
        for line in range(4):
            ly = y + 60 + line * 55
            draw.rectangle(_s(x + 50, ly, x + 50 + rng.randint(200, 400), ly + 16), fill="#ffffff")
    draw.rounded_rectangle(_s(760, 140, 1120, 240), radius=50 * SUPERSAMPLE, fill=INK)
    draw.rectangle(_s(930, 240, 950, 420), fill=INK)
    draw.rounded_rectangle(_s(890, 420, 990, 560), radius=20 * SUPERSAMPLE, fill="#e76f51")
    return _finish(image)


def draw_recycling():
    image, draw, rng = _scene("recycling", "#e9f5db")
    draw.rectangle(_s(0, 640, WIDTH, HEIGHT), fill="#b5c99a")
    for i, colour in enumerate(["#2a9d8f", "#457b9d", "#e9c46a", "#e76f51"]):
        x = 90 + i * 270
        draw.rounded_rectangle(_s(x, 330, x + 220, 660), radius=18 * SUPERSAMPLE, fill=colour)
        draw.rounded_rectangle(_s(x - 15, 295, x + 235, 345), radius=14 * SUPERSAMPLE, fill=INK)
        draw.ellipse(_s(x + 70, 430, x + 150, 510), outline="#ffffff", width=10 * SUPERSAMPLE)
    # Bottles and a box waiting to be sorted.
    for x in (70, 1030, 1110):
        draw.rounded_rectangle(
            _s(x, 520, x + 50, 650),
            radius=14 * SUPERSAMPLE,
            fill=rng.choice(["#52b788", "#90e0ef", "#ffffff"]),
        )
        draw.rectangle(_s(x + 15, 495, x + 35, 525), fill=INK)
    return _finish(image)


def draw_bicycle():
    image, draw, rng = _scene("bicycle", "#ffe5ec")
    draw.rectangle(_s(0, 640, WIDTH, HEIGHT), fill="#fb8500")
    width = 14 * SUPERSAMPLE
    for cx in (330, 870):
        draw.ellipse(_s(cx - 190, 380, cx + 190, 760), outline=INK, width=width)
        for angle in range(0, 180, 30):
            dx = 185 * math.cos(math.radians(angle))
            dy = 185 * math.sin(math.radians(angle))
            draw.line(
                _s(cx - dx, 570 - dy, cx + dx, 570 + dy), fill="#8d99ae", width=3 * SUPERSAMPLE
            )
    # Frame, saddle and handlebar.
    frame = "#d62828"
    for segment in (
        (330, 570, 560, 570),
        (560, 570, 480, 360),
        (480, 360, 800, 360),
        (800, 360, 870, 570),
        (560, 570, 800, 360),
        (330, 570, 480, 360),
        (800, 360, 780, 290),
    ):
        draw.line(_s(*segment), fill=frame, width=width)
    draw.rounded_rectangle(_s(420, 320, 540, 345), radius=10 * SUPERSAMPLE, fill=INK)
    draw.line(_s(740, 290, 840, 280), fill=INK, width=width)
    return _finish(image)


def draw_circle():
    image, draw, rng = _scene("circle", "#edf2fb")
    # A round table seen from above, with people around it.
    cx, cy = 600, 400
    draw.ellipse(_s(cx - 200, cy - 200, cx + 200, cy + 200), fill="#c8b6a6")
    for _cup in range(5):
        x = cx + rng.randint(-120, 90)
        y = cy + rng.randint(-120, 90)
        draw.ellipse(_s(x, y, x + 40, y + 40), fill="#ffffff")
    colours = ["#ef476f", "#118ab2", "#06d6a0", "#ffd166", "#8338ec", "#f78c6b", "#26547c"]
    for i, colour in enumerate(colours):
        angle = 2 * math.pi * i / len(colours)
        px = cx + 290 * math.cos(angle)
        py = cy + 290 * math.sin(angle)
        draw.ellipse(_s(px - 75, py - 75, px + 75, py + 75), fill=colour)
        draw.ellipse(_s(px - 38, py - 38, px + 38, py + 38), fill="#f1c27d")
    return _finish(image)


def draw_cafe():
    image, draw, rng = _scene("cafe", "#fff1e6")
    draw.rectangle(_s(0, 560, WIDTH, HEIGHT), fill="#9c6644")
    # Two cups with steam and a plate of pastries.
    for x, colour in ((220, "#e76f51"), (520, "#2a9d8f")):
        draw.rounded_rectangle(_s(x, 380, x + 200, 570), radius=30 * SUPERSAMPLE, fill=colour)
        draw.ellipse(_s(x + 170, 420, x + 250, 510), outline=colour, width=18 * SUPERSAMPLE)
        draw.ellipse(_s(x - 40, 555, x + 240, 600), fill="#ffffff")
        for k in range(3):
            sx = x + 50 + k * 50
            draw.arc(_s(sx - 20, 230, sx + 20, 300), 90, 270, fill="#b08968", width=6 * SUPERSAMPLE)
            draw.arc(_s(sx - 20, 300, sx + 20, 370), 270, 90, fill="#b08968", width=6 * SUPERSAMPLE)
    draw.ellipse(_s(800, 520, 1110, 600), fill="#ffffff")
    for k in range(3):
        x = 830 + k * 85
        draw.chord(_s(x, 430, x + 110, 560), 180, 360, fill=rng.choice(["#e9c46a", "#d4a373"]))
    return _finish(image)


def draw_town():
    image, draw, rng = _scene("town", "#caf0f8")
    _sun(draw, 1030, 130, 70)
    colours = ["#e76f51", "#f4a261", "#e9c46a", "#2a9d8f", "#f28482", "#84a59d"]
    x = 20
    while x < WIDTH:
        w = rng.randint(110, 190)
        h = rng.randint(260, 480)
        top = 700 - h
        draw.rectangle(_s(x, top, x + w, 700), fill=rng.choice(colours))
        draw.polygon(
            [tuple(_s(x - 10, top)), tuple(_s(x + w / 2, top - 60)), tuple(_s(x + w + 10, top))],
            fill="#9d0208",
        )
        for wy in range(top + 40, 640, 70):
            for wx in range(x + 20, x + w - 40, 50):
                draw.rectangle(_s(wx, wy, wx + 26, wy + 38), fill="#fefae0")
        x += w + rng.randint(8, 20)
    draw.rectangle(_s(0, 700, WIDTH, HEIGHT), fill="#6c757d")
    return _finish(image)


def draw_books():
    image, draw, rng = _scene("books", "#f8edeb")
    for shelf_y in (300, 560):
        draw.rectangle(_s(80, shelf_y, 1120, shelf_y + 24), fill="#7f5539")
        x = 110
        while x < 1080:
            w = rng.randint(34, 70)
            h = rng.randint(150, 220)
            colour = rng.choice(
                ["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51", "#6d597a", "#b56576"]
            )
            if rng.random() < 0.12:
                # A book leaning on its neighbour.
                draw.polygon(
                    [
                        tuple(_s(px, py))
                        for px, py in (
                            (x, shelf_y),
                            (x + w, shelf_y),
                            (x + w + 60, shelf_y - h + 20),
                            (x + 60, shelf_y - h + 20),
                        )
                    ],
                    fill=colour,
                )
                x += w + 70
                continue
            draw.rectangle(_s(x, shelf_y - h, x + w, shelf_y), fill=colour)
            draw.rectangle(_s(x + 6, shelf_y - h + 24, x + w - 6, shelf_y - h + 34), fill="#fefae0")
            x += w + 4
    return _finish(image)


def draw_warehouse():
    image, draw, rng = _scene("warehouse", "#e0e1dd")
    draw.rectangle(_s(0, 680, WIDTH, HEIGHT), fill="#778da9")
    # Racking with boxes, and a pallet truck.
    for col in range(3):
        x = 60 + col * 360
        draw.rectangle(_s(x, 120, x + 14, 680), fill="#fca311")
        draw.rectangle(_s(x + 316, 120, x + 330, 680), fill="#fca311")
        for level in range(3):
            y = 280 + level * 190
            draw.rectangle(_s(x, y, x + 330, y + 14), fill="#14213d")
            bx = x + 20
            while bx < x + 290:
                w = rng.randint(60, 100)
                h = rng.randint(70, 130)
                if bx + w > x + 310:
                    break
                draw.rectangle(_s(bx, y - h, bx + w, y), fill=rng.choice(["#d4a373", "#c08552"]))
                draw.rectangle(_s(bx + w / 2 - 6, y - h, bx + w / 2 + 6, y), fill="#e9edc9")
                bx += w + 10
    return _finish(image)


def draw_kitchen():
    image, draw, rng = _scene("kitchen", "#e8f1f2")
    draw.rectangle(_s(0, 520, WIDTH, HEIGHT), fill="#adb5bd")
    # Pots on a range and hanging utensils.
    for x, colour in ((170, "#d62828"), (480, "#003049"), (790, "#f77f00")):
        draw.rounded_rectangle(_s(x, 360, x + 240, 520), radius=24 * SUPERSAMPLE, fill=colour)
        draw.rectangle(_s(x - 20, 350, x + 260, 372), fill=INK)
        for k in range(3):
            sx = x + 60 + k * 60
            draw.arc(_s(sx - 15, 240, sx + 15, 300), 90, 270, fill="#8d99ae", width=6 * SUPERSAMPLE)
            draw.arc(_s(sx - 15, 180, sx + 15, 240), 270, 90, fill="#8d99ae", width=6 * SUPERSAMPLE)
    draw.rectangle(_s(100, 60, 1100, 76), fill="#495057")
    for k in range(8):
        x = 160 + k * 125
        length = rng.randint(70, 130)
        draw.line(_s(x, 76, x, 76 + length), fill="#495057", width=8 * SUPERSAMPLE)
        draw.ellipse(_s(x - 22, 70 + length, x + 22, 110 + length), fill="#6c757d")
    return _finish(image)


# name -> (drawing function, title, alt text (en), alt text (it))
ILLUSTRATIONS = {
    "bread": (
        draw_bread,
        "Loaves on shelves",
        "Illustration: loaves of bread of different shapes cooling on two wooden shelves.",
        "Illustrazione: pagnotte di forme diverse che raffreddano su due scaffali di legno.",
    ),
    "laundry": (
        draw_laundry,
        "Washing on the line",
        "Illustration: shirts and sheets in bright colours hanging on a washing line in the sun.",
        "Illustrazione: camicie e lenzuola dai colori vivaci stese al sole su un filo.",
    ),
    "garden": (
        draw_garden,
        "Rows in the market garden",
        "Illustration: rows of green vegetables, some with red tomatoes, stretching "
        "towards the horizon under a yellow sun.",
        "Illustrazione: file di ortaggi verdi, alcune con pomodori rossi, che arrivano "
        "fino all'orizzonte sotto un sole giallo.",
    ),
    "olives": (
        draw_olives,
        "Olive trees",
        "Illustration: three olive trees heavy with dark olives on a warm hillside.",
        "Illustrazione: tre ulivi carichi di olive scure su una collina al sole.",
    ),
    "print": (
        draw_print,
        "Coloured sheets and a roller",
        "Illustration: a fan of printed sheets in many colours beside an ink roller.",
        "Illustrazione: fogli stampati di tanti colori disposti a ventaglio accanto a un "
        "rullo inchiostratore.",
    ),
    "recycling": (
        draw_recycling,
        "Sorting bins",
        "Illustration: four coloured sorting bins in a row, with bottles waiting to be sorted.",
        "Illustrazione: quattro bidoni colorati per la raccolta differenziata, con "
        "alcune bottiglie da smistare.",
    ),
    "bicycle": (
        draw_bicycle,
        "A bicycle",
        "Illustration: a red bicycle with spoked wheels, ready to be repaired.",
        "Illustrazione: una bicicletta rossa con le ruote a raggi, pronta per la riparazione.",
    ),
    "circle": (
        draw_circle,
        "People around a table",
        "Illustration: seven people seen from above, sitting around a round table.",
        "Illustrazione: sette persone viste dall'alto, sedute intorno a un tavolo rotondo.",
    ),
    "cafe": (
        draw_cafe,
        "Coffee and pastries",
        "Illustration: two steaming cups and a plate of pastries on a wooden counter.",
        "Illustrazione: due tazze fumanti e un piatto di paste su un bancone di legno.",
    ),
    "town": (
        draw_town,
        "Houses in town",
        "Illustration: a row of colourful town houses with red roofs under a blue sky.",
        "Illustrazione: una fila di case colorate dai tetti rossi sotto un cielo azzurro.",
    ),
    "books": (
        draw_books,
        "Books on shelves",
        "Illustration: two shelves of books in many colours, one leaning on its neighbour.",
        "Illustrazione: due scaffali di libri colorati, uno appoggiato a quello accanto.",
    ),
    "warehouse": (
        draw_warehouse,
        "Warehouse racking",
        "Illustration: warehouse racking in orange and dark blue, stacked with cardboard boxes.",
        "Illustrazione: scaffalature di magazzino arancioni e blu piene di scatoloni.",
    ),
    "kitchen": (
        draw_kitchen,
        "Pots on the range",
        "Illustration: three steaming pots on a kitchen range, with ladles hanging above.",
        "Illustrazione: tre pentole fumanti sui fornelli, con i mestoli appesi sopra.",
    ),
}


def draw_logo(initials, background, foreground="#ffffff", size=400):
    """A square monogram logo: the organisation's initials on its colour."""
    scale = SUPERSAMPLE
    canvas = Image.new("RGB", (size * scale, size * scale), "#ffffff")
    draw = ImageDraw.Draw(canvas)
    draw.rounded_rectangle(
        (0, 0, size * scale - 1, size * scale - 1), radius=72 * scale, fill=background
    )
    font = ImageFont.load_default(size=(190 if len(initials) < 3 else 140) * scale)
    draw.text(
        (size * scale / 2, size * scale / 2), initials, font=font, fill=foreground, anchor="mm"
    )
    canvas = canvas.resize((size, size), Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
