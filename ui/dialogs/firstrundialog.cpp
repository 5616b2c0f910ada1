#include "firstrundialog.h"

#include "core/currency.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Moniagent {

FirstRunDialog::FirstRunDialog(const QString& suggestedName, const QString& suggestedCurrency, QWidget* parent)
    : QDialog(parent)
    , m_name(new QLineEdit(suggestedName, this))
    , m_currency(new QComboBox(this))
{
    setObjectName(QStringLiteral("firstRunDialog"));
    setWindowTitle(tr("Welcome to Moniagent"));
    auto* title = new QLabel(tr("<h2>Welcome to Moniagent</h2>"), this);
    auto* intro = new QLabel(tr("Moniagent keeps your money in order on this computer: type an expense in a line, "
                                "drop receipts on the window, and see where it all goes. Nothing leaves your machine "
                                "unless you connect an account."),
                             this);
    intro->setWordWrap(true);

    m_name->setObjectName(QStringLiteral("profileName"));
    m_currency->setObjectName(QStringLiteral("profileCurrency"));
    const QLocale locale;
    for (const QString& code : Currency::commonCodes())
        m_currency->addItem(QStringLiteral("%1 — %2").arg(code, Currency::fromCode(code).displayName(locale)), code);
    if (m_currency->findData(suggestedCurrency) < 0)
        m_currency->addItem(suggestedCurrency, suggestedCurrency);
    m_currency->setCurrentIndex(m_currency->findData(suggestedCurrency));

    auto* form = new QFormLayout;
    form->addRow(tr("Your name:"), m_name);
    form->addRow(tr("Main currency:"), m_currency);

    auto* empty = new QPushButton(tr("Start Empty"), this);
    empty->setObjectName(QStringLiteral("startEmpty"));
    auto* demo = new QPushButton(tr("Explore with Demo Data"), this);
    demo->setObjectName(QStringLiteral("startDemo"));
    demo->setDefault(true);
    demo->setToolTip(tr("Fills the profile with a few years of realistic made-up transactions. "
                        "You can start a new, empty profile later."));
    connect(empty, &QPushButton::clicked, this, [this]() { finish(Choice::Empty); });
    connect(demo, &QPushButton::clicked, this, [this]() { finish(Choice::Demo); });
    const auto updateButtons = [empty, demo](const QString& text) {
        empty->setEnabled(!text.trimmed().isEmpty());
        demo->setEnabled(!text.trimmed().isEmpty());
    };
    connect(m_name, &QLineEdit::textChanged, this, updateButtons);
    updateButtons(m_name->text());
    m_name->setPlaceholderText(tr("Your first name, or a name for this ledger"));

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(empty);
    buttons->addWidget(demo);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addLayout(buttons);
    setMinimumWidth(460);
}

QString FirstRunDialog::profileName() const
{
    return m_name->text().trimmed();
}

QString FirstRunDialog::currency() const
{
    return m_currency->currentData().toString();
}

void FirstRunDialog::finish(Choice choice)
{
    m_choice = choice;
    accept();
}

} // namespace Moniagent
