#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace Moniagent {

// Shown once, when the database has no profile: the profile's name and currency, then
// "Start empty" or "Explore with demo data".
class FirstRunDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Choice
    {
        Cancelled,
        Empty,
        Demo
    };

    FirstRunDialog(const QString& suggestedName, const QString& suggestedCurrency, QWidget* parent = nullptr);

    Choice choice() const { return m_choice; }
    QString profileName() const;
    QString currency() const;

private:
    void finish(Choice choice);

    QLineEdit* m_name;
    QComboBox* m_currency;
    Choice m_choice = Choice::Cancelled;
};

} // namespace Moniagent
