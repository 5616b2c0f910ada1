#include "csvmappingpage.h"

#include "importers/csvpresetstore.h"
#include "importers/csvreader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Moniagent {

namespace {

constexpr int SampleRows = 12;

int CsvColumns::*roleMember(const QString& role)
{
    static const QHash<QString, int CsvColumns::*> members {
        {QStringLiteral("date"), &CsvColumns::date},
        {QStringLiteral("amount"), &CsvColumns::amount},
        {QStringLiteral("debit"), &CsvColumns::debit},
        {QStringLiteral("credit"), &CsvColumns::credit},
        {QStringLiteral("direction"), &CsvColumns::direction},
        {QStringLiteral("description"), &CsvColumns::description},
        {QStringLiteral("payee"), &CsvColumns::payee},
        {QStringLiteral("notes"), &CsvColumns::notes},
        {QStringLiteral("category"), &CsvColumns::category},
        {QStringLiteral("currency"), &CsvColumns::currency},
        {QStringLiteral("externalId"), &CsvColumns::externalId},
    };
    return members.value(role);
}

} // namespace

CsvMappingPage::CsvMappingPage(CsvPresetStore* presets, qint64 userId, QWidget* parent)
    : QWidget(parent)
    , m_presets(presets)
    , m_userId(userId)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* intro = new QLabel(tr("Tell Moniagent how this file is written. The table shows its first lines as "
                                "they will be read."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* top = new QHBoxLayout;
    auto* format = new QGroupBox(tr("File"), this);
    auto* formatForm = new QFormLayout(format);
    m_encoding = new QComboBox(format);
    for (const CsvEncoding encoding :
         {CsvEncoding::Utf8, CsvEncoding::Utf16LE, CsvEncoding::Utf16BE, CsvEncoding::Windows1252, CsvEncoding::Latin1})
        m_encoding->addItem(CsvMapping::encodingDisplayName(encoding), int(encoding));
    formatForm->addRow(tr("&Encoding:"), m_encoding);
    m_delimiter = new QComboBox(format);
    m_delimiter->addItem(tr("Comma ( , )"), QChar(u','));
    m_delimiter->addItem(tr("Semicolon ( ; )"), QChar(u';'));
    m_delimiter->addItem(tr("Tab"), QChar(u'\t'));
    m_delimiter->addItem(tr("Vertical bar ( | )"), QChar(u'|'));
    formatForm->addRow(tr("&Separator:"), m_delimiter);
    m_skipLines = new QSpinBox(format);
    m_skipLines->setRange(0, 100);
    formatForm->addRow(tr("&Lines before the header:"), m_skipLines);
    m_hasHeader = new QCheckBox(tr("The first line names the &columns"), format);
    formatForm->addRow(QString(), m_hasHeader);
    m_dateFormat = new QComboBox(format);
    m_dateFormat->setObjectName(QStringLiteral("dateFormat"));
    m_dateFormat->setEditable(true);
    m_dateFormat->addItems(CsvDialect::candidateDateFormats());
    formatForm->addRow(tr("&Date format:"), m_dateFormat);
    m_decimal = new QComboBox(format);
    m_decimal->addItem(tr("Point (1,234.56)"), QChar(u'.'));
    m_decimal->addItem(tr("Comma (1.234,56)"), QChar(u','));
    formatForm->addRow(tr("Decimal &mark:"), m_decimal);
    top->addWidget(format);

    auto* columns = new QGroupBox(tr("Columns"), this);
    auto* columnForm = new QFormLayout(columns);
    m_amountMode = new QComboBox(columns);
    m_amountMode->setObjectName(QStringLiteral("amountMode"));
    m_amountMode->addItem(tr("One amount column, negative for money out"), int(CsvAmountMode::Signed));
    m_amountMode->addItem(tr("Separate money out and money in columns"), int(CsvAmountMode::DebitCredit));
    m_amountMode->addItem(tr("An amount column and a debit/credit column"), int(CsvAmountMode::Direction));
    columnForm->addRow(tr("&Amounts:"), m_amountMode);
    const QList<std::pair<QString, QString>> roles {
        {QStringLiteral("date"), tr("Date:")},
        {QStringLiteral("amount"), tr("Amount:")},
        {QStringLiteral("debit"), tr("Money out:")},
        {QStringLiteral("credit"), tr("Money in:")},
        {QStringLiteral("direction"), tr("Debit/credit:")},
        {QStringLiteral("payee"), tr("Payee:")},
        {QStringLiteral("description"), tr("Description:")},
        {QStringLiteral("notes"), tr("Notes:")},
        {QStringLiteral("category"), tr("Category:")},
        {QStringLiteral("currency"), tr("Currency:")},
        {QStringLiteral("externalId"), tr("Bank reference:")},
    };
    for (const auto& [key, label] : roles) {
        auto* box = new QComboBox(columns);
        box->setObjectName(key + QStringLiteral("Column"));
        columnForm->addRow(label, box);
        m_columns.append({key, box});
    }
    m_invert = new QCheckBox(tr("Amounts are &positive for spending (credit card)"), columns);
    columnForm->addRow(QString(), m_invert);
    top->addWidget(columns);
    layout->addLayout(top);

    m_sample = new QTableWidget(this);
    m_sample->setObjectName(QStringLiteral("csvSample"));
    m_sample->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sample->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_sample, 1);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("csvProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(link);"));
    layout->addWidget(m_problem);
    auto* presetRow = new QHBoxLayout;
    presetRow->addWidget(new QLabel(tr("Save as &preset:"), this));
    m_presetName = new QLineEdit(this);
    m_presetName->setObjectName(QStringLiteral("presetName"));
    m_presetName->setPlaceholderText(tr("Name, e.g. “My bank” (optional)"));
    qobject_cast<QLabel*>(presetRow->itemAt(0)->widget())->setBuddy(m_presetName);
    presetRow->addWidget(m_presetName, 1);
    layout->addLayout(presetRow);

    const auto changed = [this]() {
        if (!m_loading)
            refresh();
    };
    connect(m_encoding, &QComboBox::currentIndexChanged, this, changed);
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, changed);
    connect(m_skipLines, &QSpinBox::valueChanged, this, changed);
    connect(m_hasHeader, &QCheckBox::toggled, this, changed);
    connect(m_dateFormat, &QComboBox::currentTextChanged, this, changed);
    connect(m_decimal, &QComboBox::currentIndexChanged, this, changed);
    connect(m_amountMode, &QComboBox::currentIndexChanged, this, changed);
    connect(m_invert, &QCheckBox::toggled, this, changed);
    for (const auto& [key, box] : std::as_const(m_columns))
        connect(box, &QComboBox::currentIndexChanged, this, changed);
}

QComboBox* CsvMappingPage::columnBox(const QString& role) const
{
    for (const auto& [key, box] : m_columns) {
        if (key == role)
            return box;
    }
    return nullptr;
}

void CsvMappingPage::setFile(const StatementFile& file)
{
    m_file = file;
    m_presetName->clear();
    load(file.csvMapping);
}

void CsvMappingPage::load(const CsvMapping& mapping)
{
    m_loading = true;
    m_encoding->setCurrentIndex(std::max(0, m_encoding->findData(int(mapping.encoding))));
    m_delimiter->setCurrentIndex(std::max(0, m_delimiter->findData(mapping.delimiter)));
    m_skipLines->setValue(mapping.skipLines);
    m_hasHeader->setChecked(mapping.hasHeader);
    m_dateFormat->setCurrentText(mapping.dateFormat);
    m_decimal->setCurrentIndex(std::max(0, m_decimal->findData(mapping.decimalSeparator)));
    m_amountMode->setCurrentIndex(std::max(0, m_amountMode->findData(int(mapping.amountMode))));
    m_invert->setChecked(mapping.invertSign);
    m_loading = false;
    refresh();
    // The column boxes are filled by refresh() from the header; now select the mapping's columns.
    m_loading = true;
    for (const auto& [key, box] : std::as_const(m_columns))
        box->setCurrentIndex(std::max(0, box->findData(mapping.columns.*roleMember(key))));
    m_loading = false;
    refresh();
}

CsvMapping CsvMappingPage::current() const
{
    CsvMapping mapping = m_file ? m_file->csvMapping : CsvMapping();
    mapping.encoding = CsvEncoding(m_encoding->currentData().toInt());
    mapping.delimiter = m_delimiter->currentData().toChar();
    mapping.skipLines = m_skipLines->value();
    mapping.hasHeader = m_hasHeader->isChecked();
    mapping.dateFormat = m_dateFormat->currentText().trimmed();
    mapping.decimalSeparator = m_decimal->currentData().toChar();
    mapping.thousandsSeparator = mapping.decimalSeparator == u'.' ? QChar(u',') : QChar(u'.');
    mapping.amountMode = CsvAmountMode(m_amountMode->currentData().toInt());
    mapping.invertSign = m_invert->isChecked();
    for (const auto& [key, box] : m_columns)
        mapping.columns.*roleMember(key) = box->currentData().isValid() ? box->currentData().toInt() : -1;
    return mapping;
}

void CsvMappingPage::fillColumnBoxes()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    for (const auto& [key, box] : std::as_const(m_columns)) {
        const QVariant selected = box->currentData();
        box->clear();
        box->addItem(tr("(none)"));
        for (qsizetype i = 0; i < m_header.size(); ++i)
            box->addItem(m_header.at(i), int(i));
        box->setCurrentIndex(std::max(0, box->findData(selected)));
    }
    m_loading = wasLoading;
}

void CsvMappingPage::refresh()
{
    if (!m_file)
        return;
    const CsvMapping mapping = current();
    const CsvAmountMode mode = mapping.amountMode;
    columnBox(QStringLiteral("amount"))->setEnabled(mode != CsvAmountMode::DebitCredit);
    columnBox(QStringLiteral("debit"))->setEnabled(mode == CsvAmountMode::DebitCredit);
    columnBox(QStringLiteral("credit"))->setEnabled(mode == CsvAmountMode::DebitCredit);
    columnBox(QStringLiteral("direction"))->setEnabled(mode == CsvAmountMode::Direction);

    QFile device(m_file->path);
    Result<CsvPreview> preview = device.open(QIODevice::ReadOnly)
        ? CsvReader::preview(device, mapping, SampleRows)
        : Result<CsvPreview>(Error::invalidInput(device.errorString()));
    m_sample->clear();
    if (!preview) {
        m_problem->setText(preview.error().message);
        return;
    }
    m_fileHeader = preview->header;
    int width = int(preview->header.size());
    for (const QStringList& row : std::as_const(preview->rows))
        width = std::max(width, int(row.size()));
    QStringList header = preview->header;
    for (int i = int(header.size()); i < width; ++i)
        header << tr("Column %1").arg(i + 1);
    if (header != m_header) {
        m_header = header;
        fillColumnBoxes();
    }
    m_sample->setColumnCount(width);
    m_sample->setHorizontalHeaderLabels(header);
    m_sample->setRowCount(int(preview->rows.size()));
    for (int r = 0; r < preview->rows.size(); ++r) {
        for (int c = 0; c < preview->rows.at(r).size(); ++c)
            m_sample->setItem(r, c, new QTableWidgetItem(preview->rows.at(r).at(c)));
    }
    // Read the sample as the importer will, to say what is wrong before the user goes on.
    const CsvMapping chosen = current();
    auto valid = chosen.validate();
    if (!valid) {
        m_problem->setText(valid.error().message);
        return;
    }
    QString firstProblem;
    int good = 0;
    device.seek(0);
    StatementReadOptions options;
    auto read = CsvReader::read(device, chosen, options, [&](StatementLine&& line) {
        if (line.error.isEmpty())
            ++good;
        else if (firstProblem.isEmpty())
            firstProblem = line.error;
        return good + (firstProblem.isEmpty() ? 0 : 1) < SampleRows;
    });
    if (!read)
        m_problem->setText(read.error().message);
    else if (!firstProblem.isEmpty())
        m_problem->setText(firstProblem);
    else
        m_problem->setText(tr("The first lines read correctly."));
}

Result<CsvMapping> CsvMappingPage::mapping()
{
    const CsvMapping chosen = current();
    auto valid = chosen.validate();
    if (!valid)
        return valid.error();
    const QString name = m_presetName->text().trimmed();
    if (!name.isEmpty() && m_file) {
        auto saved = m_presets->save(m_userId, name, chosen, m_fileHeader);
        if (!saved)
            return saved.error();
    }
    return chosen;
}

} // namespace Moniagent
