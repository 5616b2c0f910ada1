#pragma once

#include <QLoggingCategory>

// Reading receipt files (loading, clean-up, Tesseract, codes): QT_LOGGING_RULES="moniagent.ocr.debug=true".
Q_DECLARE_LOGGING_CATEGORY(lcOcr)
