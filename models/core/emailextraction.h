#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Moniagent {

// How one extraction attempt ended; stored as 'SUCCESS', 'FAILED', 'SKIPPED'.
enum class ExtractionOutcome
{
    Success,
    Failed,
    Skipped
};

// One attempt at reading an email (table `email_extractions`); an email may be extracted again by a
// newer extractor version, so there can be several rows per email. The row belongs to the email's user.
struct EmailExtraction
{
    qint64 id = 0;
    qint64 emailId = 0;
    int extractionVersion = 0;
    ExtractionOutcome status = ExtractionOutcome::Success;
    QJsonObject extractedJson;
    QString modelUsed;
    QString promptHash;
    QString error;
    QDateTime createdAt;
};

class EmailExtractionEnums
{
    Q_DECLARE_TR_FUNCTIONS(EmailExtractionEnums)
public:
    static QString key(ExtractionOutcome outcome);
    static std::optional<ExtractionOutcome> outcomeFromKey(QStringView key);
    static QString displayName(ExtractionOutcome outcome);
};

} // namespace Moniagent

Q_DECLARE_METATYPE(Moniagent::EmailExtraction)
