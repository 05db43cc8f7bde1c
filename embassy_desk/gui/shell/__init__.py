"""The main window: navigation, menus, status bar, idle lock and the long-running file actions."""
