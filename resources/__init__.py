"""Icons, translations, stylesheet and the fonts shipped with the program.

FOLDER is where these files are, in a source checkout, an installed package and a
frozen build alike (the build copies the folder next to the program's modules).
"""
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
