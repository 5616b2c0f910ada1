#pragma once

#include "core/emailextraction.h"
#include "core/result.h"

#include <QObject>

namespace Moniagent {

class Database;

// The extraction attempts of a profile's emails. The table has no user_id: every query goes through
// emails.user_id, so a row is only reachable through an email of the user.
class EmailExtractionRepository : public QObject
{
    Q_OBJECT
public:
    explicit EmailExtractionRepository(Database* database, QObject* parent = nullptr);

    static Result<void> validate(const EmailExtraction& extraction);

    // Records an attempt for one of the user's emails (extraction.emailId is ignored in favour of `emailId`).
    // Setting the email's own extraction status is the caller's next step (EmailRepository::setExtractionStatus),
    // in the same SqlTransaction when both must hold together.
    Result<qint64> add(qint64 userId, qint64 emailId, const EmailExtraction& extraction);
    // Oldest first.
    Result<QList<EmailExtraction>> listForEmail(qint64 userId, qint64 emailId) const;
    // The highest extraction version, the newest attempt among equals.
    Result<EmailExtraction> latestForEmail(qint64 userId, qint64 emailId) const;

Q_SIGNALS:
    void changed(qint64 userId);

private:
    Database* m_database;
};

} // namespace Moniagent
