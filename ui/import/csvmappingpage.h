#pragma once

#include "importers/statementfile.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace Moniagent {

class CsvPresetStore;

// The CSV mapping wizard's page: how the file is written (encoding, delimiter, lines before the header, header
// row, date format, decimal separator), how amounts are given (one signed column, debit and credit columns, or
// an amount and a debit/credit column) and which column is what — with the first rows of the file shown as the
// mapping splits them, updated as the user changes anything. The mapping can be saved as a named preset, which
// is picked automatically the next time a file with the same header arrives.
class CsvMappingPage : public QWidget
{
    Q_OBJECT
public:
    CsvMappingPage(CsvPresetStore* presets, qint64 userId, QWidget* parent = nullptr);

    void setFile(const StatementFile& file);
    // The mapping as the user set it (saved as a preset first when a preset name is given).
    Result<CsvMapping> mapping();

    // Column roles, by the combo box's object name ("dateColumn", "amountColumn", …), for tests.
    QComboBox* columnBox(const QString& role) const;
    QComboBox* amountModeBox() const { return m_amountMode; }
    QComboBox* dateFormatBox() const { return m_dateFormat; }
    QLineEdit* presetNameEdit() const { return m_presetName; }
    QTableWidget* sampleTable() const { return m_sample; }
    QLabel* problemLabel() const { return m_problem; }

private:
    CsvMapping current() const;
    void load(const CsvMapping& mapping);
    void refresh();
    void fillColumnBoxes();

    CsvPresetStore* m_presets;
    qint64 m_userId;
    std::optional<StatementFile> m_file;
    QStringList m_header; // as the column boxes show it (unnamed columns numbered)
    QStringList m_fileHeader; // as the file has it, for the preset
    bool m_loading = false;

    QComboBox* m_encoding;
    QComboBox* m_delimiter;
    QSpinBox* m_skipLines;
    QCheckBox* m_hasHeader;
    QComboBox* m_dateFormat;
    QComboBox* m_decimal;
    QComboBox* m_amountMode;
    QCheckBox* m_invert;
    QList<std::pair<QString, QComboBox*>> m_columns; // role key -> box
    QLineEdit* m_presetName;
    QTableWidget* m_sample;
    QLabel* m_problem;
};

} // namespace Moniagent
