#include "quickentrywidget.h"

#include "entry/quickentryparser.h"
#include "itemmodels/transactionmodel.h"
#include "session/session.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Moniagent {

QuickEntryWidget::QuickEntryWidget(Session* session, TransactionModel* model, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(model)
    , m_edit(new QLineEdit(this))
    , m_add(new QPushButton(tr("Add"), this))
    , m_preview(new QLabel(this))
{
    m_edit->setObjectName(QStringLiteral("quickEntry"));
    m_edit->setPlaceholderText(tr("Quick add: “coffee 4.50 yesterday”, “salary 3200 income 1 nov”, “4.50 #groceries”"));
    m_edit->setClearButtonEnabled(true);
    m_add->setObjectName(QStringLiteral("quickEntryAdd"));
    m_add->setEnabled(false);
    m_preview->setObjectName(QStringLiteral("quickEntryPreview"));
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setVisible(false);

    auto* line = new QHBoxLayout;
    line->setContentsMargins(0, 0, 0, 0);
    line->addWidget(m_edit, 1);
    line->addWidget(m_add);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(line);
    layout->addWidget(m_preview);

    connect(m_edit, &QLineEdit::textChanged, this, &QuickEntryWidget::updatePreview);
    connect(m_edit, &QLineEdit::returnPressed, this, &QuickEntryWidget::submit);
    connect(m_add, &QPushButton::clicked, this, &QuickEntryWidget::submit);
}

QString QuickEntryWidget::previewText() const
{
    return m_preview->isVisible() ? m_preview->text() : QString();
}

void QuickEntryWidget::focusEntry()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

QuickEntry QuickEntryWidget::parse() const
{
    // A fresh parser each time: cheap, and "today" and the profile's currency are always current.
    const QuickEntryParser parser(m_session->locale(), m_session->baseCurrency(), m_session->clock().today());
    return parser.parse(m_edit->text());
}

std::optional<qint64> QuickEntryWidget::resolveCategory(const QString& hint, QString* name) const
{
    if (hint.isEmpty())
        return std::nullopt;
    auto category = m_session->categories()->findByName(m_session->userId(), hint);
    if (!category) {
        // A prefix is enough: "#groc" finds "Groceries".
        auto all = m_session->categories()->list(m_session->userId());
        if (all) {
            for (const Category& c : std::as_const(*all)) {
                if (c.name.startsWith(hint, Qt::CaseInsensitive)) {
                    *name = c.name;
                    return c.id;
                }
            }
        }
        return std::nullopt;
    }
    *name = category->name;
    return category->id;
}

void QuickEntryWidget::updatePreview()
{
    if (m_edit->text().trimmed().isEmpty()) {
        m_preview->setVisible(false);
        m_add->setEnabled(false);
        return;
    }
    const QuickEntry entry = parse();
    const QLocale locale = m_session->locale();
    QPalette palette = m_preview->palette();
    if (!entry.ok) {
        m_preview->setText(entry.error);
        palette.setColor(QPalette::WindowText, QColor(0xB9, 0x1C, 0x1C));
        m_add->setEnabled(false);
    } else {
        QString categoryName;
        const auto category = resolveCategory(entry.categoryHint, &categoryName);
        QStringList parts;
        parts << TransactionEnums::displayName(entry.type) << entry.amount.toString(locale)
              << locale.toString(entry.date, QLocale::LongFormat);
        if (!entry.merchant.isEmpty())
            parts << entry.merchant;
        if (category)
            parts << categoryName;
        else if (!entry.categoryHint.isEmpty())
            parts << tr("no category “%1”").arg(entry.categoryHint);
        m_preview->setText(parts.join(QStringLiteral(" · ")));
        palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
        m_add->setEnabled(true);
    }
    m_preview->setPalette(palette);
    m_preview->setVisible(true);
}

void QuickEntryWidget::submit()
{
    const QString text = m_edit->text();
    if (text.trimmed().isEmpty())
        return;
    const QuickEntry entry = parse();
    if (!entry.ok) {
        updatePreview();
        return;
    }
    Transaction t;
    t.type = entry.type;
    t.amount = entry.amount;
    t.occurredOn = entry.date;
    t.merchant = entry.merchant;
    t.source = TransactionSource::Text;
    t.sourceMetadata = QJsonObject {{QStringLiteral("text"), text}};
    QString categoryName;
    if (const auto category = resolveCategory(entry.categoryHint, &categoryName)) {
        t.categoryId = category;
        t.categorizedBy = CategorizedBy::User;
        t.confirmedByUser = true;
        t.categoryConfidence = 1.0;
    }
    auto id = m_model->addTransaction(t);
    if (!id) {
        m_preview->setText(id.error().message);
        m_preview->setVisible(true);
        return;
    }
    m_edit->clear();
    const QString summary = tr("Added %1 %2 on %3.")
                                .arg(t.merchant.isEmpty() ? categoryName : t.merchant,
                                     Money(t.signedMinor(), t.amount.currency()).toString(m_session->locale()),
                                     m_session->locale().toString(t.occurredOn, QLocale::ShortFormat));
    Q_EMIT added(*id, summary);
}

} // namespace Moniagent
