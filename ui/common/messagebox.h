#pragma once

#include <QMessageBox>

namespace Moniagent {

// Modal questions and notices, with a seam for offscreen GUI tests: setNextAnswer() makes the next
// call return at once with that answer instead of showing a box, and lastText() tells what was asked.
class MessageBox
{
public:
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                                QMessageBox::StandardButtons buttons
                                                = QMessageBox::Yes | QMessageBox::No,
                                                QMessageBox::StandardButton defaultButton = QMessageBox::No);
    static void information(QWidget* parent, const QString& title, const QString& text);
    static void warning(QWidget* parent, const QString& title, const QString& text, const QString& details = {});
    static void critical(QWidget* parent, const QString& title, const QString& text, const QString& details = {});

    static void setNextAnswer(QMessageBox::StandardButton answer);
    static QString lastText();

private:
    static QMessageBox::StandardButton show(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                                            const QString& text, const QString& details,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton);
};

} // namespace Moniagent
