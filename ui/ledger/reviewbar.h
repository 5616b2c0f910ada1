#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace Moniagent {

// The strip above the ledger while the review queue is shown: how to work through it with the keyboard, and
// "Accept All Visible".
class ReviewBar : public QFrame
{
    Q_OBJECT
public:
    explicit ReviewBar(QWidget* parent = nullptr);

    QPushButton* acceptAllButton() const { return m_acceptAll; }
    // The shortcut of "Accept All Visible", named in the hint.
    void setAcceptAllShortcut(const QKeySequence& shortcut);
    void setRowCount(int rows);

Q_SIGNALS:
    void acceptAllRequested();

private:
    void updateHint();

    QLabel* m_hint;
    QPushButton* m_acceptAll;
    QString m_shortcut;
    int m_rows = 0;
};

} // namespace Moniagent
