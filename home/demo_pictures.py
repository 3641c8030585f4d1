"""Pictures of the demo content, drawn here with Pillow.

The demo ships no photo and loads nothing from elsewhere: every picture is one
of the demo's own flat drawings, made in memory from simple shapes. Each key of
``PICTURES`` names a drawing function and its French alt text; ``picture(key)``
returns the PNG as an ``ImageFile`` ready for a Wagtail image, with that text.

The output is deterministic: the same key always gives the same bytes.
"""

import io
import math

from django.core.files.images import ImageFile

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 960, 540
SCALE = 2  # drawn at twice the size, then reduced, for smooth edges

# Calm, warm palette
INK = "#35313d"
WHITE = "#fffdf8"
CREAM = "#f6efe3"
WALL = "#f0e4d2"
FLOOR = "#d8c3a3"
WOOD = "#c98f5a"
WOOD_DARK = "#96663d"
TERRACOTTA = "#d0694a"
MUSTARD = "#e8b04a"
TEAL = "#3a8a84"
SAGE = "#9cc39a"
LEAF = "#5a9460"
BLUE = "#5a8ab6"
PLUM = "#8c5a82"
NAVY = "#3f4e6e"
GREY = "#a6a9ae"
LIGHT_GREY = "#dcdee0"
SKY = "#dcebf0"
GLASS = "#cde4ec"
WATER = "#76aec6"
SKINS = ("#f1c7a0", "#c4885a", "#8a5738")


class Pen:
    """Draws with coordinates given on the final 960×540 grid."""

    def __init__(self, background):
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), background)
        self.draw = ImageDraw.Draw(self.image)

    @staticmethod
    def _xy(points):
        return [round(v * SCALE) for v in _flat(points)]

    def rect(self, box, fill, outline=None, width=0):
        self.draw.rectangle(self._xy(box), fill=fill, outline=outline, width=width * SCALE)

    def rrect(self, box, radius, fill, outline=None, width=0):
        self.draw.rounded_rectangle(
            self._xy(box), radius=radius * SCALE, fill=fill, outline=outline, width=width * SCALE
        )

    def ellipse(self, box, fill, outline=None, width=0):
        self.draw.ellipse(self._xy(box), fill=fill, outline=outline, width=width * SCALE)

    def circle(self, x, y, r, fill, outline=None, width=0):
        self.ellipse((x - r, y - r, x + r, y + r), fill, outline, width)

    def poly(self, points, fill, outline=None, width=0):
        self.draw.polygon(self._xy(points), fill=fill, outline=outline, width=width * SCALE)

    def line(self, points, fill, width):
        self.draw.line(self._xy(points), fill=fill, width=width * SCALE, joint="curve")

    def arc(self, box, start, end, fill, width):
        self.draw.arc(self._xy(box), start, end, fill=fill, width=width * SCALE)

    def pie(self, box, start, end, fill):
        self.draw.pieslice(self._xy(box), start, end, fill=fill)

    def text(self, x, y, text, size, fill):
        """Text centred on (x, y), in Pillow's own default font."""
        font = ImageFont.load_default(size=size * SCALE)
        plain = text.replace("é", "e")
        left = x * SCALE - font.getlength(plain) / 2
        baseline = y * SCALE - font.getbbox("H", anchor="ls")[1] / 2
        self.draw.text((left, baseline), plain, fill=fill, font=font, anchor="ls")
        # That font has no accented letters: add the acute accents by hand
        top = baseline + font.getbbox("x", anchor="ls")[1]
        u = size * SCALE
        for i, char in enumerate(text):
            if char == "é":
                cx = left + font.getlength(plain[:i]) + font.getlength("e") / 2
                self.draw.line([(cx - 0.06 * u, top - 0.08 * u), (cx + 0.1 * u, top - 0.3 * u)], fill, round(0.08 * u))

    def png(self, name):
        """The picture reduced to its final size, as a small PNG file."""
        small = self.image.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
        small = small.quantize(colors=128, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        buffer = io.BytesIO()
        small.save(buffer, format="PNG", optimize=True)
        buffer.seek(0)
        return ImageFile(buffer, name=name)


def _flat(points):
    for item in points:
        if isinstance(item, tuple | list):
            yield from item
        else:
            yield item


# ---------------------------------------------------------------------------
# Recurring shapes
# ---------------------------------------------------------------------------


def _room(p, floor_y, wall=WALL, floor=FLOOR):
    """A back wall, a skirting board and a floor."""
    p.rect((0, 0, WIDTH, floor_y), wall)
    p.rect((0, floor_y, WIDTH, HEIGHT), floor)
    p.rect((0, floor_y - 6, WIDTH, floor_y), WOOD_DARK)


def _window(p, box, outside=GLASS, frame=WHITE, panes=2):
    """A framed window with its panes and a soft glint."""
    x0, y0, x1, y1 = box
    p.rect(box, frame, INK, 3)
    p.rect((x0 + 10, y0 + 10, x1 - 10, y1 - 10), outside)
    step = (x1 - x0 - 20) / panes
    for i in range(1, panes):
        x = x0 + 10 + i * step
        p.rect((x - 4, y0 + 10, x + 4, y1 - 10), frame)
    p.line([(x0 + 24, y0 + 60), (x0 + 60, y0 + 24)], WHITE, 5)


def _leaf(p, x, y, angle, length, width, fill):
    """A pointed leaf growing from (x, y) towards angle (degrees, 90 = up)."""
    a = math.radians(angle)
    dx, dy = math.cos(a), -math.sin(a)
    mx, my = x + dx * length * 0.45, y + dy * length * 0.45
    px, py = -dy * width / 2, dx * width / 2
    tip = (x + dx * length, y + dy * length)
    p.poly([(x, y), (mx + px, my + py), tip, (mx - px, my - py)], fill)


def _plant(p, x, base_y, size=1.0, pot=TERRACOTTA):
    """A potted plant standing on base_y."""
    top = base_y - 34 * size
    for angle, length in ((150, 56), (120, 70), (95, 78), (70, 70), (35, 56)):
        _leaf(p, x, top + 2, angle, length * size, 22 * size, LEAF if angle % 2 else SAGE)
    p.poly([(x - 22 * size, top), (x + 22 * size, top), (x + 16 * size, base_y), (x - 16 * size, base_y)], pot)
    p.rect((x - 25 * size, top - 6 * size, x + 25 * size, top + 4 * size), pot, INK, 1)


def _table(p, x0, x1, top_y, floor_y, top=WOOD, legs=WOOD_DARK, thick=14):
    """A table seen from the front."""
    p.rect((x0 + 14, top_y, x0 + 28, floor_y), legs)
    p.rect((x1 - 28, top_y, x1 - 14, floor_y), legs)
    p.rect((x0, top_y, x1, top_y + thick), top, INK, 2)


def _chair_back(p, x, seat_y, colour, floor_y):
    """A chair seen from behind: its back, seat and legs."""
    p.rect((x - 26, seat_y, x - 20, floor_y), INK)
    p.rect((x + 20, seat_y, x + 26, floor_y), INK)
    p.rect((x - 30, seat_y - 6, x + 30, seat_y + 6), colour, INK, 2)
    p.rrect((x - 30, seat_y - 66, x + 30, seat_y - 10), 10, colour, INK, 2)
    p.rect((x - 24, seat_y - 12, x - 18, seat_y), INK)
    p.rect((x + 18, seat_y - 12, x + 24, seat_y), INK)


def _chair_side(p, x, seat_y, colour, floor_y, facing=1):
    """A chair seen from the side; facing=1 looks right, -1 looks left."""
    back = x - 26 * facing
    p.line([(back, seat_y), (back, floor_y)], INK, 5)
    p.line([(x + 24 * facing, seat_y), (x + 24 * facing, floor_y)], INK, 5)
    p.line([(back, seat_y), (back - 6 * facing, seat_y - 64)], INK, 5)
    p.rrect((min(back, back - 14 * facing) - 4, seat_y - 70, max(back, back - 14 * facing) + 4, seat_y - 24), 6, colour)
    p.rrect((x - 30, seat_y - 8, x + 30, seat_y + 4), 4, colour, INK, 2)


def _laptop(p, x, base_y, w=110, screen=GLASS, content=True):
    """An open laptop seen from the front, its screen showing a window."""
    h = w * 0.62
    p.poly([(x - w / 2 - 8, base_y), (x + w / 2 + 8, base_y), (x + w / 2, base_y - 8), (x - w / 2, base_y - 8)], GREY)
    p.rrect((x - w / 2, base_y - 8 - h, x + w / 2, base_y - 8), 5, INK)
    inner = (x - w / 2 + 6, base_y - 2 - h, x + w / 2 - 6, base_y - 14)
    p.rect(inner, screen)
    if content:
        ix0, iy0, ix1, iy1 = inner
        p.rect((ix0 + 6, iy0 + 6, ix1 - 6, iy0 + 14), TEAL)
        for i in range(3):
            y = iy0 + 22 + i * 10
            if y < iy1 - 4:
                p.rect((ix0 + 8, y, ix1 - 8 - 14 * (i % 2), y + 4), WHITE)


def _bust(p, x, waist_y, shirt, hair, skin, hair_style="short", back=False, size=1.0):
    """The upper body of a person: torso and head, from the front or from behind."""
    s = size
    head_y = waist_y - 150 * s
    r = 34 * s
    p.rect((x - 12 * s, head_y + r - 6 * s, x + 12 * s, head_y + r + 16 * s), skin)
    p.rrect((x - 56 * s, head_y + r + 10 * s, x + 56 * s, waist_y), 36 * s, shirt)
    p.circle(x - r, head_y + 4 * s, 8 * s, skin)
    p.circle(x + r, head_y + 4 * s, 8 * s, skin)
    p.circle(x, head_y, r, skin)
    if hair_style == "white":
        # Short white curls, seen all around the head
        for dx, dy in ((-26, -10), (-16, -26), (0, -32), (16, -26), (26, -10)):
            p.circle(x + dx * s, head_y + dy * s, 15 * s, hair, GREY, 1)
        if back:
            p.ellipse((x - 32 * s, head_y - 30 * s, x + 32 * s, head_y + 30 * s), hair, GREY, 1)
    elif hair_style == "long":
        if back:
            p.rrect((x - r - 2 * s, head_y - r - 2 * s, x + r + 2 * s, head_y + r + 40 * s), 30 * s, hair)
        else:
            p.rrect((x - r - 4 * s, head_y - r - 4 * s, x - r + 14 * s, head_y + r + 4 * s), 8 * s, hair)
            p.rrect((x + r - 14 * s, head_y - r - 4 * s, x + r + 4 * s, head_y + r + 4 * s), 8 * s, hair)
            p.pie((x - r - 4 * s, head_y - r - 4 * s, x + r + 4 * s, head_y + r), 180, 360, hair)
    else:
        if back:
            p.ellipse((x - r - 1, head_y - r - 1, x + r + 1, head_y + r * 0.7), hair)
        else:
            p.pie((x - r - 2, head_y - r - 2, x + r + 2, head_y + r * 0.6), 180, 360, hair)
    if not back:
        p.circle(x - 12 * s, head_y + 4 * s, 3.5 * s, INK)
        p.circle(x + 12 * s, head_y + 4 * s, 3.5 * s, INK)
        p.arc((x - 12 * s, head_y + 6 * s, x + 12 * s, head_y + 22 * s), 20, 160, INK, 3)


def _standing(p, x, foot_y, shirt, trousers, hair, skin, hair_style="short", size=1.0):
    """A person standing, seen from the front."""
    s = size
    waist_y = foot_y - 110 * s
    p.rrect((x - 36 * s, waist_y - 20 * s, x - 4 * s, foot_y), 12 * s, trousers)
    p.rrect((x + 4 * s, waist_y - 20 * s, x + 36 * s, foot_y), 12 * s, trousers)
    p.ellipse((x - 42 * s, foot_y - 10 * s, x - 4 * s, foot_y + 4 * s), INK)
    p.ellipse((x + 4 * s, foot_y - 10 * s, x + 42 * s, foot_y + 4 * s), INK)
    _bust(p, x, waist_y + 10 * s, shirt, hair, skin, hair_style, size=s)


# ---------------------------------------------------------------------------
# The pictures
# ---------------------------------------------------------------------------


def _bike(p, x, ground_y, frame=TERRACOTTA):
    """A bicycle standing on ground_y, its rear wheel centred on x."""
    r = 30
    rear, front = (x, ground_y - r), (x + 92, ground_y - r)
    crank, seat, head = (x + 40, ground_y - r), (x + 30, ground_y - 78), (x + 80, ground_y - 76)
    for cx, cy in (rear, front):
        p.circle(cx, cy, r, None, INK, 5)
        p.circle(cx, cy, 4, INK)
    p.line([rear, crank, head, front], frame, 6)
    p.line([rear, seat, crank], frame, 6)
    p.line([seat, head], frame, 6)
    p.line([head, (head[0] - 6, head[1] - 14), (head[0] + 12, head[1] - 16)], INK, 5)
    p.rrect((seat[0] - 14, seat[1] - 8, seat[0] + 12, seat[1]), 3, INK)
    p.circle(crank[0], crank[1], 7, INK)


def draw_espace(p):
    """The shared space seen from outside, by the canal."""
    p.rect((0, 0, WIDTH, 400), SKY)
    p.circle(820, 90, 46, MUSTARD)
    for cx, cy in ((170, 80), (220, 70), (260, 86)):
        p.circle(cx, cy, 28, WHITE)
    # Trees behind the building
    for cx, cy, r in ((110, 270, 70), (60, 320, 56), (840, 260, 74), (910, 300, 60)):
        p.rect((cx - 7, cy, cx + 7, 400), WOOD_DARK)
        p.circle(cx, cy, r, LEAF if cx % 20 else SAGE)
    # The low building with big windows
    p.rect((150, 196, 790, 400), "#efdcbc", INK, 3)
    p.rect((136, 182, 804, 200), INK)
    p.rrect((300, 208, 640, 244), 8, TEAL)
    p.text(470, 226, "Espace numérique", 24, WHITE)
    for x0 in (176, 338):
        _window(p, (x0, 256, x0 + 144, 372), panes=3)
    _window(p, (640, 256, 766, 372), panes=2)
    p.rect((514, 262, 616, 400), TEAL, INK, 3)
    p.rect((528, 276, 602, 350), GLASS)
    p.circle(594, 370, 4, MUSTARD)
    _plant(p, 500, 400, 0.7)
    _plant(p, 630, 400, 0.7)
    # Quay, bike and canal
    p.rect((0, 400, WIDTH, 444), "#cdbfa8")
    p.line([(0, 444), (WIDTH, 444)], INK, 3)
    _bike(p, 830, 432)
    p.rect((0, 446, WIDTH, HEIGHT), WATER)
    for i, y in enumerate((470, 496, 522)):
        for x in range(40 + 60 * i, WIDTH, 180):
            p.line([(x, y), (x + 60, y)], "#b5d6e3", 3)
    # A small barge on the canal
    p.poly([(90, 468), (370, 468), (350, 506), (112, 506)], TERRACOTTA, INK, 2)
    p.rect((150, 446, 290, 468), WHITE, INK, 2)
    for x in (168, 208, 248):
        p.rect((x, 452, x + 24, 462), GLASS)


def draw_fablab(p):
    """The fablab workbench: 3D printer, laser cutter and pegboard."""
    _room(p, 470, wall="#efe7da")
    # Pegboard with tools
    p.rect((560, 44, 900, 200), "#dcbf94", INK, 3)
    for gx in range(574, 900, 22):
        for gy in range(58, 200, 22):
            p.circle(gx, gy, 2, "#b8996e")
    p.rect((596, 70, 606, 176), WOOD_DARK)  # hammer
    p.rrect((578, 64, 626, 86), 4, GREY, INK, 2)
    p.line([(660, 70), (660, 176)], GREY, 8)  # wrench
    p.circle(660, 72, 14, GREY)
    p.circle(660, 66, 6, "#dcbf94")
    p.circle(660, 176, 10, GREY)
    p.rrect((702, 66, 720, 124), 8, MUSTARD, INK, 2)  # screwdriver
    p.line([(711, 124), (711, 180)], GREY, 5)
    p.line([(752, 70), (784, 176)], TERRACOTTA, 8)  # pliers
    p.line([(784, 70), (752, 176)], TERRACOTTA, 8)
    p.circle(768, 123, 6, INK)
    p.circle(846, 120, 32, TEAL)  # tape roll
    p.circle(846, 120, 14, "#dcbf94")
    # Workbench and shelf
    _table(p, 60, 900, 330, 470, thick=20)
    p.rect((74, 420, 886, 430), WOOD_DARK)
    for x0, colour in ((110, BLUE), (230, MUSTARD), (620, TERRACOTTA), (740, TEAL)):
        p.rrect((x0, 384, x0 + 100, 420), 4, colour, INK, 2)
    # 3D printer
    p.circle(215, 112, 28, MUSTARD, INK, 2)
    p.circle(215, 112, 9, INK)
    p.rect((128, 150, 142, 306), INK)
    p.rect((288, 150, 302, 306), INK)
    p.rect((128, 146, 302, 162), INK)
    p.rect((142, 214, 288, 222), GREY)
    p.line([(230, 112), (228, 206)], MUSTARD, 2)
    p.rrect((198, 204, 240, 240), 4, TERRACOTTA, INK, 2)
    p.poly([(212, 240), (226, 240), (219, 252)], INK)
    p.poly([(200, 288), (238, 288), (230, 256), (208, 256)], MUSTARD)
    p.rect((150, 288, 280, 296), GREY, INK, 1)
    p.rect((112, 296, 318, 330), INK)
    p.rect((126, 304, 170, 322), TEAL)
    p.circle(190, 313, 6, MUSTARD)
    # Laser cutter
    p.rrect((372, 196, 720, 252), 8, "#e6e4de", INK, 3)
    p.rect((400, 208, 664, 244), "#f0a868")
    p.line([(420, 226), (460, 214), (500, 236), (540, 216)], TERRACOTTA, 2)
    p.circle(540, 216, 5, "#e0402e")
    p.rect((372, 252, 720, 330), "#d9d6ce", INK, 3)
    for y in (266, 282, 298, 314):
        p.line([(392, y), (600, y)], GREY, 3)
    p.rect((634, 262, 704, 318), INK)
    p.rect((642, 270, 696, 284), TEAL)
    p.circle(654, 302, 6, "#e0402e")
    p.circle(682, 302, 6, SAGE)


def draw_salle_formation(p):
    """The training room: wall screen, tables, chairs and laptops."""
    _room(p, 320, wall="#f2e8da")
    _window(p, (40, 60, 200, 270), panes=2)
    p.rect((30, 262, 210, 274), WHITE, INK, 2)
    _plant(p, 120, 262, 0.7)
    # Wall screen with a slide
    p.rect((296, 34, 664, 246), INK)
    p.rect((308, 46, 652, 234), WHITE)
    p.rect((324, 60, 636, 82), TEAL)
    for i in range(3):
        p.circle(336, 108 + i * 30, 5, TERRACOTTA)
        p.rect((350, 104 + i * 30, 470 - i * 20, 112 + i * 30), GREY)
    for i, (h, colour) in enumerate(((60, BLUE), (96, MUSTARD), (124, TERRACOTTA))):
        p.rect((510 + i * 40, 218 - h, 538 + i * 40, 218), colour)
    p.line([(500, 218), (636, 218)], INK, 2)
    # Whiteboard
    p.rect((740, 80, 920, 230), WHITE, INK, 3)
    p.line([(760, 110), (850, 110)], BLUE, 4)
    p.line([(760, 136), (890, 136)], TERRACOTTA, 4)
    p.line([(760, 162), (830, 162)], TEAL, 4)
    p.rect((800, 230, 880, 238), GREY)
    # Tables, laptops and chairs seen from the back of the room
    for x0, x1 in ((100, 450), (510, 860)):
        _table(p, x0, x1, 350, 470)
        for x in (x0 + 88, x1 - 88):
            _laptop(p, x, 350, 120)
    for i, x in enumerate((188, 362, 598, 772)):
        _chair_back(p, x, 440, (TEAL, MUSTARD, TERRACOTTA, BLUE)[i], 510)


def draw_salle_reunion(p):
    """The meeting room: a big table, chairs and a window with plants."""
    _room(p, 380, wall="#efe5d6")
    _window(p, (290, 40, 670, 262), outside=SKY, panes=3)
    p.circle(400, 210, 40, SAGE)
    p.rect((300, 226, 660, 252), "#b9d6a9")
    p.rect((276, 262, 684, 276), WHITE, INK, 2)
    for x, size, pot in ((330, 0.8, TERRACOTTA), (480, 1.0, MUSTARD), (630, 0.8, TEAL)):
        _plant(p, x, 262, size, pot)
    # Wall clock and a frame
    p.circle(820, 110, 42, WHITE, INK, 4)
    p.line([(820, 110), (820, 82)], INK, 4)
    p.line([(820, 110), (842, 120)], INK, 4)
    p.rect((80, 80, 200, 200), MUSTARD, INK, 3)
    p.poly([(92, 188), (130, 130), (160, 170), (174, 150), (188, 188)], TEAL)
    # Chairs on the far side, then the table
    for x, colour in ((240, TEAL), (400, MUSTARD), (560, TERRACOTTA), (720, BLUE)):
        p.rrect((x - 32, 266, x + 32, 340), 12, colour, INK, 2)
    _chair_side(p, 70, 430, PLUM, 500, facing=1)
    _chair_side(p, 890, 430, PLUM, 500, facing=-1)
    p.rect((170, 392, 184, 500), WOOD_DARK)
    p.rect((776, 392, 790, 500), WOOD_DARK)
    p.poly([(180, 320), (780, 320), (850, 380), (110, 380)], WOOD, INK, 2)
    p.rect((110, 380, 850, 394), WOOD_DARK, INK, 2)
    # Things on the table
    p.rrect((460, 282, 500, 346), 10, GLASS, INK, 2)
    p.rect((464, 312, 496, 342), "#a9d1e0")
    for x in (300, 640):
        p.rrect((x, 330, x + 22, 356), 4, WHITE, INK, 2)
    p.poly([(360, 344), (430, 344), (436, 366), (354, 366)], WHITE, INK, 2)
    p.poly([(540, 344), (600, 344), (606, 366), (534, 366)], "#f4e0a6", INK, 2)
    _laptop(p, 700, 372, 90, content=True)
    # Chairs on the near side, seen from behind
    for x, colour in ((300, SAGE), (480, PLUM), (660, SAGE)):
        _chair_back(p, x, 470, colour, 536)


def draw_repair_cafe(p):
    """A repair café table: open laptop, screwdriver, toaster and lamp."""
    _room(p, 520, wall="#f4ebdd")
    # Bunting and a sign on the wall
    for i, x in enumerate(range(30, WIDTH, 60)):
        p.poly([(x, 40), (x + 50, 40), (x + 25, 76)], (TEAL, MUSTARD, TERRACOTTA)[i % 3])
    p.line([(0, 40), (WIDTH, 40)], INK, 2)
    p.rrect((330, 100, 630, 164), 12, WHITE, INK, 3)
    p.text(480, 132, "Repair café", 32, INK)
    # Table with a cloth
    p.rect((30, 380, 930, 398), WOOD, INK, 2)
    p.rect((40, 398, 920, 500), TEAL)
    for x in range(40, 920, 40):
        p.rect((x, 398, x + 20, 500), "#4c9a94")
    # Open laptop, its back panel off and a screw beside it
    p.rrect((120, 210, 320, 340), 8, INK)
    p.rect((132, 222, 308, 328), GLASS)
    p.circle(220, 275, 28, GREY)
    p.circle(220, 275, 12, GLASS)
    for a in range(0, 360, 45):
        ax, ay = 220 + 30 * math.cos(math.radians(a)), 275 + 30 * math.sin(math.radians(a))
        p.circle(ax, ay, 7, GREY)
    p.poly([(112, 340), (328, 340), (350, 380), (90, 380)], GREY, INK, 2)
    for row in range(3):
        y = 348 + row * 10
        p.line([(124 - row * 6, y), (316 + row * 6, y)], "#7d8086", 5)
    p.rect((346, 356, 392, 380), "#4b7f5a", INK, 2)
    p.circle(360, 368, 3, MUSTARD)
    # Screwdriver lying on the table
    p.rrect((400, 362, 452, 378), 7, MUSTARD, INK, 2)
    p.line([(452, 370), (494, 370)], GREY, 5)
    # Toaster with two slices of bread
    p.rrect((500, 250, 680, 380), 28, TERRACOTTA, INK, 3)
    p.rrect((526, 244, 582, 256), 4, INK)
    p.rrect((596, 244, 652, 256), 4, INK)
    p.rect((680, 290, 694, 304), INK)
    p.rect((530, 290, 650, 300), "#e3876a")
    p.rrect((534, 214, 574, 252), 8, "#f0c48a", WOOD_DARK, 2)
    p.rrect((604, 224, 644, 252), 8, "#f0c48a", WOOD_DARK, 2)
    # Desk lamp under repair: shade off, bulb and cable out
    p.ellipse((760, 364, 860, 382), INK)
    p.line([(810, 370), (780, 280), (840, 216)], INK, 8)
    p.poly([(824, 196), (864, 228), (896, 176), (860, 160)], MUSTARD, INK, 2)
    p.rect((854, 230, 866, 236), INK)
    p.circle(718, 364, 16, "#fff3b0", INK, 2)
    p.rect((734, 358, 748, 370), GREY, INK, 1)
    p.line([(860, 374), (900, 378), (912, 362)], INK, 3)
    p.rect((904, 342, 920, 362), WHITE, INK, 2)
    p.line([(908, 342), (908, 334)], GREY, 3)
    p.line([(916, 342), (916, 334)], GREY, 3)


def draw_atelier_seniors(p):
    """Two people seated side by side in front of a big screen and a tablet."""
    _room(p, 420, wall="#f1e6d6")
    # Big screen showing a photo album
    p.rect((240, 40, 720, 296), INK)
    p.rect((254, 54, 706, 282), WHITE)
    for i, sky in enumerate((SKY, "#f6dfc0", GLASS)):
        x0 = 272 + i * 144
        p.rect((x0, 86, x0 + 128, 250), sky)
        p.poly([(x0, 250), (x0 + 50, 170), (x0 + 80, 210), (x0 + 100, 186), (x0 + 128, 250)], (LEAF, TEAL, SAGE)[i])
        p.circle(x0 + 96, 118, 16, MUSTARD)
    p.rect((254, 54, 706, 72), TEAL)
    _plant(p, 120, 420, 1.3)
    _plant(p, 850, 420, 1.1, pot=MUSTARD)
    # Table with a tablet lying on it
    _table(p, 150, 810, 380, 540)
    p.poly([(420, 380), (540, 380), (524, 352), (436, 352)], INK)
    p.poly([(428, 376), (532, 376), (519, 356), (441, 356)], GLASS)
    # The two people seen from behind, the younger one pointing at the screen
    p.line([(600, 330), (660, 250)], SKINS[1], 16)
    p.circle(662, 246, 10, SKINS[1])
    p.line([(600, 340), (640, 290)], TEAL, 22)
    _bust(p, 370, 420, PLUM, WHITE, SKINS[0], hair_style="white", back=True, size=1.1)
    _bust(p, 580, 420, TEAL, INK, SKINS[1], hair_style="long", back=True, size=1.05)
    for x, colour in ((370, MUSTARD), (580, TERRACOTTA)):
        p.rrect((x - 64, 392, x + 64, 470), 14, colour, INK, 2)
        p.rect((x - 56, 470, x - 48, 540), INK)
        p.rect((x + 48, 470, x + 56, 540), INK)


def _penguin(p, x, foot_y):
    """A friendly penguin standing on foot_y, waving a flipper."""
    p.ellipse((x - 50, foot_y - 14, x - 6, foot_y + 4), "#f09a3e")
    p.ellipse((x + 6, foot_y - 14, x + 50, foot_y + 4), "#f09a3e")
    p.poly([(x - 60, foot_y - 120), (x - 92, foot_y - 60), (x - 52, foot_y - 72)], INK)
    p.poly([(x + 58, foot_y - 130), (x + 104, foot_y - 176), (x + 64, foot_y - 96)], INK)
    p.ellipse((x - 66, foot_y - 190, x + 66, foot_y - 4), INK)
    p.ellipse((x - 46, foot_y - 140, x + 46, foot_y - 10), WHITE)
    p.circle(x, foot_y - 196, 48, INK)
    p.ellipse((x - 36, foot_y - 214, x + 36, foot_y - 162), WHITE)
    p.circle(x - 15, foot_y - 196, 7, INK)
    p.circle(x + 15, foot_y - 196, 7, INK)
    p.circle(x - 13, foot_y - 198, 2, WHITE)
    p.circle(x + 17, foot_y - 198, 2, WHITE)
    p.poly([(x - 14, foot_y - 184), (x + 14, foot_y - 184), (x, foot_y - 168)], "#f09a3e")
    p.circle(x - 28, foot_y - 176, 6, "#f2b3a6")
    p.circle(x + 28, foot_y - 176, 6, "#f2b3a6")


def draw_logiciel_libre(p):
    """A laptop with windows on its screen, a friendly penguin and a USB stick."""
    _room(p, 440, wall="#eaf1e6", floor=WOOD)
    p.rect((0, 440, WIDTH, 456), WOOD_DARK)
    # Laptop and its desktop
    p.rrect((190, 70, 630, 370), 14, INK)
    p.rect((206, 86, 614, 354), "#cfe6df")
    p.rect((206, 334, 614, 354), TEAL)
    for i in range(4):
        p.rrect((220 + i * 30, 338, 240 + i * 30, 350), 3, (WHITE, MUSTARD, TERRACOTTA, SAGE)[i])
    p.rect((230, 110, 460, 260), WHITE, INK, 2)
    p.rect((230, 110, 460, 130), BLUE)
    for i in range(5):
        p.rect((246, 144 + i * 22, 440 - (i % 3) * 40, 152 + i * 22), LIGHT_GREY)
    p.rect((380, 180, 596, 320), INK, GREY, 2)
    p.rect((380, 180, 596, 198), PLUM)
    for i, colour in enumerate((TERRACOTTA, MUSTARD, SAGE)):
        p.circle(392 + i * 14, 189, 4, colour)
    p.text(412, 222, ">_", 20, SAGE)
    for i in range(3):
        p.rect((396, 244 + i * 20, 520 - i * 30, 252 + i * 20), SAGE)
    p.poly([(150, 370), (670, 370), (710, 432), (110, 432)], GREY, INK, 2)
    for row in range(4):
        y = 380 + row * 12
        p.line([(160 - row * 8, y), (660 + row * 8, y)], "#7d8086", 6)
    p.rrect((360, 424, 460, 430), 2, "#7d8086")
    # USB stick on the desk
    p.rect((40, 416, 64, 432), LIGHT_GREY, INK, 2)
    p.rrect((62, 410, 120, 438), 8, MUSTARD, INK, 2)
    _penguin(p, 820, 440)


def draw_donnees_personnelles(p):
    """A padlock between a phone and an envelope."""
    p.rect((0, 0, WIDTH, HEIGHT), "#f3eee4")
    p.ellipse((60, 440, 900, 500), "#e6ddce")
    # Dotted links between the three objects
    for x in range(290, 370, 16):
        p.circle(x, 300, 4, GREY)
    for x in range(600, 660, 16):
        p.circle(x, 300, 4, GREY)
    # Phone showing a profile card
    p.rrect((120, 120, 280, 460), 24, INK)
    p.rrect((134, 148, 266, 430), 8, "#d8ebe7")
    p.rrect((176, 134, 224, 140), 3, GREY)
    p.circle(200, 214, 34, TEAL)
    p.circle(200, 204, 14, WHITE)
    p.pie((176, 218, 224, 260), 180, 360, WHITE)
    for i in range(3):
        p.rrect((152, 270 + i * 26, 248 - i * 24, 282 + i * 26), 5, GREY)
    p.rrect((160, 372, 240, 404), 10, TERRACOTTA)
    # Padlock
    p.arc((404, 84, 556, 320), 180, 360, GREY, 30)
    p.rect((404, 200, 434, 240), GREY)
    p.rect((526, 200, 556, 240), GREY)
    p.rrect((370, 220, 590, 440), 26, MUSTARD, INK, 4)
    p.circle(480, 312, 24, INK)
    p.poly([(468, 320), (492, 320), (502, 388), (458, 388)], INK)
    # Envelope
    p.rrect((670, 200, 880, 360), 8, WHITE, INK, 3)
    p.line([(674, 206), (775, 290), (876, 206)], INK, 3)
    p.line([(674, 354), (746, 268)], INK, 2)
    p.line([(876, 354), (804, 268)], INK, 2)
    p.circle(775, 290, 18, TERRACOTTA)


def _bunting(p, x0, x1, y, sag, colours):
    """A string of little flags hanging from x0 to x1 at height y."""
    n = 16
    points = [(x0 + (x1 - x0) * i / n, y + sag * (1 - (2 * i / n - 1) ** 2)) for i in range(n + 1)]
    p.line(points, INK, 2)
    for i in range(n):
        (ax, ay), (bx, by) = points[i], points[i + 1]
        p.poly([(ax + 4, ay), (bx - 4, by), ((ax + bx) / 2, (ay + by) / 2 + 28)], colours[i % len(colours)])


def draw_festival(p):
    """Stands with bunting under a marquee, for the BooTIC festival."""
    p.rect((0, 0, WIDTH, 430), SKY)
    p.rect((0, 430, WIDTH, HEIGHT), "#a9cc95")
    p.circle(880, 70, 40, MUSTARD)
    for cx, cy in ((90, 70), (130, 56), (170, 72)):
        p.circle(cx, cy, 24, WHITE)

    # Marquee: striped roof, scalloped valance, poles
    def roof(x):
        return 70 + 110 * abs(x - 480) / 420

    stripes = 12
    for i in range(stripes):
        xa, xb = 60 + 840 * i / stripes, 60 + 840 * (i + 1) / stripes
        p.poly([(xa, roof(xa)), (xb, roof(xb)), (xb, 180), (xa, 180)], (WHITE, TERRACOTTA)[i % 2])
    p.rect((60, 180, 900, 196), TERRACOTTA)
    for i in range(stripes):
        xa = 60 + 840 * i / stripes
        p.pie((xa, 176, xa + 70, 216), 0, 180, (WHITE, TERRACOTTA)[i % 2])
    p.rrect((380, 118, 580, 166), 10, TEAL, INK, 2)
    p.text(480, 142, "BooTIC", 30, WHITE)
    for x in (70, 890):
        p.rect((x - 5, 196, x + 5, 436), INK)
    _bunting(p, 76, 884, 212, 14, (MUSTARD, TEAL, PLUM, BLUE, TERRACOTTA))
    # Three stands with their hosts
    stands = (
        (110, 340, MUSTARD, TEAL, SKINS[2], INK),
        (370, 590, BLUE, TERRACOTTA, SKINS[0], WOOD_DARK),
        (620, 850, PLUM, TEAL, SKINS[1], INK),
    )
    for x0, x1, cloth, shirt, skin, hair in stands:
        _bust(p, (x0 + x1) / 2, 350, shirt, hair, skin, size=0.5)
        p.rect((x0, 340, x1, 352), WHITE, INK, 2)
        p.rect((x0 + 6, 352, x1 - 6, 430), cloth)
        p.poly([(x0 + 6, 352), (x1 - 6, 352), ((x0 + x1) / 2, 380)], WHITE)
    _laptop(p, 170, 340, 70)
    p.rrect((270, 312, 320, 340), 6, TERRACOTTA, INK, 2)
    for i, colour in enumerate((TEAL, MUSTARD, TERRACOTTA)):
        p.rect((400 + i * 22, 322 - i * 4, 418 + i * 22, 340), colour, INK, 1)
    p.rrect((530, 300, 572, 340), 8, GREY, INK, 2)
    p.circle(544, 316, 5, INK)
    p.circle(558, 316, 5, INK)
    p.rect((650, 326, 700, 340), WHITE, INK, 1)
    p.rect((656, 318, 706, 332), "#f4e0a6", INK, 1)
    _plant(p, 810, 340, 0.5)
    # Visitors
    _standing(p, 356, 520, SAGE, NAVY, WHITE, SKINS[0], hair_style="white", size=0.8)
    _standing(p, 606, 524, MUSTARD, NAVY, INK, SKINS[1], hair_style="long", size=0.8)


PICTURES = {
    "espace": (
        draw_espace,
        "Dessin : le bâtiment bas de l'espace numérique, avec ses grandes fenêtres et son enseigne "
        "« Espace numérique », au bord du canal de Redon ; un vélo est garé sur le quai et une péniche "
        "passe sur l'eau.",
    ),
    "fablab": (
        draw_fablab,
        "Dessin : l'établi du fablab, avec une imprimante 3D en train d'imprimer, une découpeuse laser "
        "et, au mur, un panneau perforé où sont rangés un marteau, une clé, un tournevis, une pince "
        "et un rouleau d'adhésif.",
    ),
    "salle-formation": (
        draw_salle_formation,
        "Dessin : la salle de formation vue du fond, avec un grand écran au mur, un tableau blanc, "
        "deux tables où sont posés quatre ordinateurs portables ouverts et des chaises devant chacun.",
    ),
    "salle-reunion": (
        draw_salle_reunion,
        "Dessin : la salle de réunion, avec une grande table entourée de chaises, une carafe d'eau, "
        "des tasses, des carnets et un ordinateur portable, devant une fenêtre garnie de plantes.",
    ),
    "repair-cafe": (
        draw_repair_cafe,
        "Dessin : une table du repair café, avec un ordinateur portable ouvert, un tournevis, "
        "un grille-pain et une lampe de bureau en cours de réparation, son ampoule posée à côté, "
        "sous une guirlande de fanions et un panneau « Repair café ».",
    ),
    "atelier-seniors": (
        draw_atelier_seniors,
        "Dessin : deux personnes assises côte à côte, vues de dos, devant un grand écran montrant "
        "des photos et une tablette posée sur la table ; l'une, plus âgée, a les cheveux blancs, "
        "l'autre lui montre l'écran.",
    ),
    "logiciel-libre": (
        draw_logiciel_libre,
        "Dessin : un ordinateur portable dont l'écran montre des fenêtres ouvertes, parmi lesquelles un terminal, "
        "à côté d'un manchot souriant qui fait coucou et d'une clé USB.",
    ),
    "donnees-personnelles": (
        draw_donnees_personnelles,
        "Dessin : un cadenas fermé, entre un téléphone qui affiche une fiche de profil et une enveloppe.",
    ),
    "festival": (
        draw_festival,
        "Dessin : trois stands sous un grand chapiteau rayé orné de fanions, avec l'enseigne « BooTIC » ; "
        "des personnes tiennent les stands et deux visiteurs passent devant.",
    ),
}


def picture(key):
    """Draw the picture for key; return it as a PNG ImageFile and its alt text."""
    draw, alt = PICTURES[key]
    pen = Pen(CREAM)
    draw(pen)
    return pen.png(f"{key}.png"), alt
