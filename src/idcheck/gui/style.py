"""The window's style sheet: sizes, the named labels' colours, a visible focus
frame on every control."""

STYLE = """
QWidget { font-size: 11pt; }
QLabel#title { font-size: 16pt; font-weight: 600; }
QLabel#casereference { font-weight: 600; }
QLabel#subtitle { font-size: 13pt; font-weight: 600; margin: 8px 0 0 0; padding: 0; }
QLabel#recovery { font-family: monospace; font-size: 15pt; padding: 8px; }
QLabel#presumption { color: #7a4b00; }
QLabel#itemtext { font-size: 15pt; font-weight: 600; padding: 6px 0; }
QLabel#section { font-size: 12pt; color: #444; }
QLabel#guidance { color: #234; background: #eef3f8; padding: 6px; }
QLabel#reading { color: #333; background: #f6f1e7; padding: 6px; }
QLabel#saved { color: #1d6b2a; font-weight: 600; }
QLabel#saved[problem="true"] { color: #8b0000; }
QLabel#danger { font-size: 15pt; font-weight: 700; color: #8b0000; }
QLabel#nonumber { font-weight: 600; color: #8b0000; }
QLabel#sitenotice { background: #fff3c4; color: #5a4300; padding: 6px; }
QLabel#overdue { color: #8b0000; font-weight: 600; }
QLabel#missing { color: #8b0000; font-weight: 700; }
QLabel#training { background: #fff3c4; color: #5a4300; font-weight: 600; padding: 8px;
                  border-bottom: 2px solid #d9b100; }
QPushButton:focus, QCheckBox:focus, QRadioButton:focus, QComboBox:focus, QLineEdit:focus,
QAbstractSpinBox:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractItemView:focus {
    border: 2px solid #1f5fc4; }
"""
