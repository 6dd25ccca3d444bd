"""The window itself: application start, main window, menus, opening page, settings, error reports."""
