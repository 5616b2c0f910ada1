#include "libofxparser.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>
#include <QTemporaryFile>

#include <cstring>
#include <libofx/libofx.h>

namespace Moniagent {

namespace {

// libofx's fixed-size char arrays are NUL-terminated but may end in a UTF-8 sequence it cut in half.
template <std::size_t N> QString text(const char (&chars)[N], int valid)
{
    if (!valid)
        return {};
    QString value = QString::fromUtf8(chars, qsizetype(strnlen(chars, N)));
    while (value.endsWith(QChar::ReplacementCharacter))
        value.chop(1);
    return value.trimmed();
}

QString accountTypeName(const OfxAccountData& account)
{
    if (!account.account_type_valid)
        return {};
    switch (account.account_type) {
    case OfxAccountData::OFX_CHECKING:
        return QStringLiteral("checking");
    case OfxAccountData::OFX_SAVINGS:
        return QStringLiteral("savings");
    case OfxAccountData::OFX_MONEYMRKT:
        return QStringLiteral("moneymarket");
    case OfxAccountData::OFX_CREDITLINE:
        return QStringLiteral("creditline");
    case OfxAccountData::OFX_CMA:
        return QStringLiteral("cma");
    case OfxAccountData::OFX_CREDITCARD:
        return QStringLiteral("creditcard");
    case OfxAccountData::OFX_INVESTMENT:
    case OfxAccountData::OFX_401K:
        return QStringLiteral("investment");
    }
    return {};
}

int onStatus(const OfxStatusData data, void* user)
{
    auto* output = static_cast<LibofxParser::Output*>(user);
    LibofxParser::Status status;
    status.element = text(data.ofx_element_name, data.ofx_element_name_valid);
    status.code = data.code_valid ? data.code : 0;
    status.name = data.code_valid && data.name ? QString::fromUtf8(data.name) : QString();
    status.error = data.severity_valid && data.severity == OfxStatusData::ERROR;
    if (data.server_message_valid && data.server_message)
        status.serverMessage = QString::fromUtf8(data.server_message).trimmed();
    output->statuses.append(status);
    return 0;
}

int onStatement(const OfxStatementData data, void* user)
{
    auto* output = static_cast<LibofxParser::Output*>(user);
    LibofxParser::Statement statement;
    statement.accountId = text(data.account_id, data.account_id_valid);
    statement.currency = text(data.currency, data.currency_valid);
    if (data.account_ptr)
        statement.accountType = accountTypeName(*data.account_ptr);
    output->statements.append(statement);
    return 0;
}

int onTransaction(const OfxTransactionData data, void* user)
{
    auto* output = static_cast<LibofxParser::Output*>(user);
    LibofxParser::Transaction transaction;
    transaction.accountId = text(data.account_id, data.account_id_valid);
    transaction.investment = data.invtransactiontype_valid && data.invtransactiontype != OFX_INVBANKTRAN;
    transaction.fitId = text(data.fi_id, data.fi_id_valid);
    transaction.name = text(data.name, data.name_valid);
    transaction.memo = text(data.memo, data.memo_valid);
    transaction.checkNumber = text(data.check_number, data.check_number_valid);
    output->transactions.append(transaction);
    return 0;
}

void silenceLibofx()
{
    ofx_PARSER_msg = false;
    ofx_DEBUG_msg = false;
    ofx_DEBUG1_msg = false;
    ofx_DEBUG2_msg = false;
    ofx_DEBUG3_msg = false;
    ofx_DEBUG4_msg = false;
    ofx_DEBUG5_msg = false;
    ofx_STATUS_msg = false;
    ofx_INFO_msg = false;
    ofx_WARNING_msg = false;
    ofx_ERROR_msg = false;
    ofx_show_position = false;
}

QMutex& libofxMutex()
{
    static QMutex mutex;
    return mutex;
}

} // namespace

QString LibofxParser::dtdDirectory()
{
#ifdef MONIAGENT_LIBOFX_DTD_DIR
    const QString configured = QStringLiteral(MONIAGENT_LIBOFX_DTD_DIR);
    if (QFile::exists(configured + QStringLiteral("/ofx160.dtd")))
        return configured;
#endif
    return {};
}

Result<LibofxParser::Output> LibofxParser::parse(const QByteArray& sgml)
{
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/moniagent-ofx-XXXXXX.ofx"));
    if (!file.open() || file.write(sgml) != sgml.size() || !file.flush()) {
        return Error {Error::Code::Io,
                      tr("The OFX file could not be prepared for reading: the temporary folder is not writable."),
                      file.errorString()};
    }
    const QByteArray path = QFile::encodeName(file.fileName());
    file.close();

    Output output;
    const QMutexLocker locker(&libofxMutex());
    silenceLibofx();
    LibofxContextPtr context = libofx_get_new_context();
    // Absolute, so parsing never depends on the current directory (libofx's last resort is "../dtd").
    const QString dtd = dtdDirectory();
    if (!dtd.isEmpty())
        libofx_set_dtd_dir(context, QFile::encodeName(QDir(dtd).absolutePath() + u'/').constData());
    ofx_set_status_cb(context, onStatus, &output);
    ofx_set_statement_cb(context, onStatement, &output);
    ofx_set_transaction_cb(context, onTransaction, &output);
    output.returnCode = libofx_proc_file(context, path.constData(), OFX);
    libofx_free_context(context);
    return output;
}

} // namespace Moniagent
