"""Icons, translations, stylesheet and font lookup data shipped with the program."""
