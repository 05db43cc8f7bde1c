"""Help menu: the About dialog (versions, licences, where the data and logs are) and the diagnostic
report copied to the clipboard for the help desk."""

from embassy_desk.gui.about.dialog import AboutDialog, copy_diagnostic_report, help_texts
from embassy_desk.gui.about.report import diagnostic_report

__all__ = ["AboutDialog", "copy_diagnostic_report", "diagnostic_report", "help_texts"]
