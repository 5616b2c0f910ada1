#pragma once

#include "core/currency.h"
#include "receipts/receiptdraft.h"

#include <QFrame>
#include <QHash>
#include <QLocale>

class QLabel;
class QPushButton;

namespace Moniagent {

// The language model's second opinion on an unsure receipt, in the review: each field it reads differently from
// the OCR ("Total 3.78 → 4.78") with a Use button, and Use All; or that it agrees; or why there is none. Nothing is
// changed until the user presses Use: the box only emits useRequested. Hidden when the receipt has no second
// opinion (the feature is off, or the reading was sure).
class SecondOpinionBox : public QFrame
{
    Q_OBJECT
public:
    SecondOpinionBox(const ReceiptDraft& draft, const Currency& currency, const QLocale& locale,
                     QWidget* parent = nullptr);

    // The text shown for a field's suggestion ("" when the model agreed on it).
    QString suggestionText(const QString& field) const;

Q_SIGNALS:
    // The user wants the model's value for `field` (ReceiptDraft field name); `value` is as the model gave it:
    // dates ISO, amounts decimal strings with a point, currencies ISO codes.
    void useRequested(const QString& field, const QString& value);

private:
    void use(const QString& field);
    QString shown(const QString& field, const QString& value) const;

    Currency m_currency;
    QLocale m_locale;
    QHash<QString, QString> m_values; // field -> suggested value
    QHash<QString, QPushButton*> m_buttons;
    QHash<QString, QLabel*> m_texts;
    QPushButton* m_useAll = nullptr;
};

} // namespace Moniagent
