#include "secondopinionbox.h"

#include "core/money.h"
#include "receipts/receiptsecondopinion.h"
#include "receipttext.h"

#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace Moniagent {

SecondOpinionBox::SecondOpinionBox(const ReceiptDraft& draft, const Currency& currency, const QLocale& locale,
                                   QWidget* parent)
    : QFrame(parent)
    , m_currency(currency)
    , m_locale(locale)
{
    setObjectName(QStringLiteral("secondOpinionBox"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Second opinion"));
    // Nothing to show when the model was not asked (the switch is off, or the reading was sure).
    setVisible(!draft.secondOpinion.isEmpty());
    if (draft.secondOpinion.isEmpty())
        return;

    const QString model = draft.secondOpinion.value(QStringLiteral("model")).toString();
    const QString error = ReceiptSecondOpinion::errorOf(draft);
    const QList<ReceiptSecondOpinion::Suggestion> suggestions = ReceiptSecondOpinion::suggestionsOf(draft);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(4);
    auto* title = new QLabel(this);
    title->setObjectName(QStringLiteral("secondOpinionTitle"));
    title->setTextFormat(Qt::PlainText);
    title->setWordWrap(true);
    layout->addWidget(title);

    if (!error.isEmpty()) {
        title->setText(tr("No second opinion: %1").arg(error));
        return;
    }
    const QString who = model.isEmpty() ? tr("The language model") : model;
    if (suggestions.isEmpty()) {
        title->setText(tr("%1 reads this receipt the same way.").arg(who));
        return;
    }
    title->setText(tr("%1 reads %n field(s) differently. Nothing changes unless you use its reading.", nullptr,
                      int(suggestions.size()))
                       .arg(who));

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(2);
    int row = 0;
    for (const ReceiptSecondOpinion::Suggestion& suggestion : suggestions) {
        m_values.insert(suggestion.field, suggestion.suggested);
        auto* name = new QLabel(ReceiptText::fieldName(suggestion.field), this);
        const QString current
            = suggestion.current.isEmpty() ? tr("not found") : shown(suggestion.field, suggestion.current);
        auto* text = new QLabel(tr("%1 → %2").arg(current, shown(suggestion.field, suggestion.suggested)), this);
        text->setObjectName(suggestion.field + QStringLiteral("Suggestion"));
        text->setTextFormat(Qt::PlainText);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        auto* button = new QPushButton(tr("Use"), this);
        button->setObjectName(QStringLiteral("use_%1Button").arg(suggestion.field));
        button->setAccessibleName(tr("Use the suggested %1").arg(ReceiptText::fieldName(suggestion.field).toLower()));
        button->setAutoDefault(false); // Enter accepts the receipt, never a suggestion
        const QString field = suggestion.field;
        connect(button, &QPushButton::clicked, this, [this, field] { use(field); });
        grid->addWidget(name, row, 0);
        grid->addWidget(text, row, 1);
        grid->addWidget(button, row, 2);
        m_buttons.insert(field, button);
        m_texts.insert(field, text);
        ++row;
    }
    grid->setColumnStretch(1, 1);
    layout->addLayout(grid);
    if (suggestions.size() > 1) {
        m_useAll = new QPushButton(tr("Use All"), this);
        m_useAll->setObjectName(QStringLiteral("useAllSuggestionsButton"));
        m_useAll->setAutoDefault(false);
        connect(m_useAll, &QPushButton::clicked, this, [this] {
            // The currency first: the amounts are read in it.
            if (m_buttons.contains(QLatin1String(ReceiptDraft::CurrencyField)))
                use(QLatin1String(ReceiptDraft::CurrencyField));
            for (auto it = m_buttons.cbegin(); it != m_buttons.cend(); ++it) {
                if (it.value()->isEnabled())
                    use(it.key());
            }
        });
        auto* buttons = new QHBoxLayout;
        buttons->addStretch(1);
        buttons->addWidget(m_useAll);
        layout->addLayout(buttons);
    }
}

QString SecondOpinionBox::suggestionText(const QString& field) const
{
    const QLabel* text = m_texts.value(field);
    return text ? text->text() : QString();
}

void SecondOpinionBox::use(const QString& field)
{
    QPushButton* button = m_buttons.value(field);
    if (!button || !button->isEnabled())
        return;
    button->setEnabled(false);
    button->setText(tr("Used"));
    if (m_useAll) {
        const bool left = std::any_of(m_buttons.cbegin(), m_buttons.cend(),
                                      [](const QPushButton* other) { return other->isEnabled(); });
        m_useAll->setEnabled(left);
    }
    Q_EMIT useRequested(field, m_values.value(field));
}

QString SecondOpinionBox::shown(const QString& field, const QString& value) const
{
    if (field == QLatin1String(ReceiptDraft::Date)) {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (!date.isValid())
            return value;
        QString format = m_locale.dateFormat(QLocale::ShortFormat);
        if (!format.contains(QStringLiteral("yyyy")))
            format.replace(QStringLiteral("yy"), QStringLiteral("yyyy")); // as the date field shows it
        return m_locale.toString(date, format);
    }
    if (field == QLatin1String(ReceiptDraft::Total) || field == QLatin1String(ReceiptDraft::Tax)) {
        if (auto money = Money::fromDecimalString(value, m_currency))
            return money->toNumberString(m_locale);
    }
    return value;
}

} // namespace Moniagent
