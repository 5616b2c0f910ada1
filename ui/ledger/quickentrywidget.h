#pragma once

#include "entry/quickentry.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace Moniagent {

class CategoryRepository;
class Session;
class TransactionModel;

// One line to add a transaction by typing it: "coffee 4.50 yesterday", "salary 3200 income 1 nov",
// "uber 23,90 €", "4.50 #groceries". A live preview shows what will be saved, or what is missing;
// Enter saves (undoable) with source "text", and nothing is saved when the text is not understood.
class QuickEntryWidget : public QWidget
{
    Q_OBJECT
public:
    QuickEntryWidget(Session* session, TransactionModel* model, QWidget* parent = nullptr);

    QLineEdit* lineEdit() const { return m_edit; }
    QString previewText() const;

public Q_SLOTS:
    // Parses the text and saves it; returns through added() or the preview's error.
    void submit();
    void focusEntry();

Q_SIGNALS:
    void added(qint64 id, const QString& summary);

private:
    void updatePreview();
    QuickEntry parse() const;
    std::optional<qint64> resolveCategory(const QString& hint, QString* name) const;

    Session* m_session;
    TransactionModel* m_model;
    QLineEdit* m_edit;
    QPushButton* m_add;
    QLabel* m_preview;
};

} // namespace Moniagent
