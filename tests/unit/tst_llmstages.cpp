// The optional language-model stages against a local OpenAI-compatible server with scripted replies: the synchronous
// structured call (worker thread only, accounting, cap, 429 with Retry-After), email extraction inside the
// EMAIL_EXTRACTION job (structured reply used, invalid JSON → repair → offline fallback, cap reached, feature off),
// the categorizer's LLM stage, and the receipt second opinion.

#include "ai/llmcategorizer.h"
#include "ai/llmstructuredcall.h"
#include "categorize/categorizer.h"
#include "core/categorizationsettings.h"
#include "core/connectedaccount.h"
#include "core/email.h"
#include "core/emailextraction.h"
#include "core/job.h"
#include "core/llmtransaction.h"
#include "db/aisettingsrepository.h"
#include "db/categorizationstaterepository.h"
#include "db/categoryrepository.h"
#include "db/connectedaccountrepository.h"
#include "db/emailextractionrepository.h"
#include "db/emailrepository.h"
#include "db/jobrepository.h"
#include "db/llmtransactionrepository.h"
#include "db/transactionrepository.h"
#include "jobs/jobrunner.h"
#include "llmtestserver.h"
#include "mail/emailextractionjob.h"
#include "mail/emailextractor.h"
#include "mail/emailllmreader.h"
#include "mail/mailservices.h"
#include "receipts/receiptsecondopinion.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using namespace Moniagent;
using namespace Moniagent::Test;

namespace {

const QString CompletionsPath = QStringLiteral("/v1/chat/completions");

QJsonObject completion(const QString& text, int input = 120, int output = 30)
{
    return {{QStringLiteral("model"), QStringLiteral("test-model")},
            {QStringLiteral("choices"),
             QJsonArray {QJsonObject {{QStringLiteral("index"), 0},
                                      {QStringLiteral("message"),
                                       QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                                                    {QStringLiteral("content"), text}}},
                                      {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}},
            {QStringLiteral("usage"),
             QJsonObject {{QStringLiteral("prompt_tokens"), input}, {QStringLiteral("completion_tokens"), output}}}};
}

QString compact(const QJsonObject& object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject emailAnswer()
{
    return {{QStringLiteral("is_purchase"), true},
            {QStringLiteral("kind"), QStringLiteral("purchase")},
            {QStringLiteral("type"), QStringLiteral("expense")},
            {QStringLiteral("merchant"), QStringLiteral("Bob's Bikes")},
            {QStringLiteral("amount"), QStringLiteral("1042.35")},
            {QStringLiteral("currency"), QStringLiteral("EUR")},
            {QStringLiteral("date"), QStringLiteral("2026-11-20")},
            {QStringLiteral("order_number"), QStringLiteral("BB-7731")},
            {QStringLiteral("items"),
             QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("Gravel bike")},
                                      {QStringLiteral("quantity"), 1},
                                      {QStringLiteral("amount"), QStringLiteral("1042.35")}}}}};
}

// An order email the offline extractor recognizes as a purchase but cannot find the amount of.
const QString UnsureSubject = QStringLiteral("Your order confirmation BB-7731");
const QString UnsureBody = QStringLiteral(
    "Hello Sam,\n\nthank you for your order at Bob's Bikes. We have received your payment of one thousand and "
    "forty-two euros thirty-five for one gravel bike.\n\nOrder BB-7731, placed on 20 November 2026.\n");
// A receipt the offline extractor reads confidently.
const QString SureSubject = QStringLiteral("Your receipt from Corner Bakery");
const QString SureBody = QStringLiteral("Thank you for shopping at Corner Bakery.\n\nOrder total: 12.99 EUR\nPaid "
                                        "with card on 2026-11-19.\n");

} // namespace

class TestLlmStages : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<LlmTestServer> m_server;
    ManualClock m_clock;
    qint64 m_user = 0;

    LlmStageEnvironment environment() const
    {
        LlmStageEnvironment environment;
        environment.database = m_db->database();
        environment.clock = &m_clock;
        environment.adjustConfig = [](LlmProviderConfig& config) {
            config.initialBackoffMs = 50;
            config.connectTimeoutMs = 5000;
            config.idleTimeoutMs = 5000;
        };
        return environment;
    }

    void configure(bool email, bool categorization, bool receipts, std::optional<qint64> cap = std::nullopt)
    {
        AiSettings settings;
        settings.provider = AiSettings::Provider::OpenAi;
        settings.baseUrl = m_server->url(QStringLiteral("/v1"));
        settings.model = QStringLiteral("test-model");
        settings.features.email = email;
        settings.features.categorization = categorization;
        settings.features.receipts = receipts;
        settings.monthlyCapMicros = cap;
        AiSettingsRepository repository(m_db->database());
        QVERIFY(repository.save(m_user, settings));
    }

    QList<LlmTransaction> accounted() const
    {
        LlmTransactionRepository repository(m_db->database());
        auto rows = repository.list(m_user, m_clock.today().addDays(-1), m_clock.today().addDays(1));
        return rows ? *rows : QList<LlmTransaction>();
    }

    LlmStructuredCall::Call simpleCall(std::optional<qint64> jobId = std::nullopt) const
    {
        LlmStructuredCall::Call call;
        call.type = AiInteractionType::Categorization;
        call.prompt = *PromptLibrary::load(QString::fromLatin1(PromptLibrary::CategorizeTransaction));
        call.values = {{QStringLiteral("categories"), QStringLiteral("- Groceries\n- Transport")}};
        call.input = QStringLiteral("{\"merchant\":\"Fresh Market\"}");
        call.schema = LlmCategorizer::schema({QStringLiteral("Groceries"), QStringLiteral("Transport")});
        call.jobId = jobId;
        return call;
    }

    struct MailFixture
    {
        std::unique_ptr<ConnectedAccountRepository> accounts;
        std::unique_ptr<EmailRepository> emails;
        std::unique_ptr<EmailExtractionRepository> extractions;
        std::unique_ptr<TransactionRepository> transactions;
        std::unique_ptr<JobRepository> jobs;
        std::unique_ptr<JobRunner> runner;
        QTemporaryDir archive;
        MailServices services;
        LlmStageEnvironment llm;
        qint64 accountId = 0;
    };

    void setUpMail(MailFixture& mail)
    {
        Database* database = m_db->database();
        mail.accounts = std::make_unique<ConnectedAccountRepository>(database);
        mail.emails = std::make_unique<EmailRepository>(database);
        mail.extractions = std::make_unique<EmailExtractionRepository>(database);
        mail.transactions = std::make_unique<TransactionRepository>(database);
        mail.jobs = std::make_unique<JobRepository>(database);
        mail.services.database = database;
        mail.services.accounts = mail.accounts.get();
        mail.services.emails = mail.emails.get();
        mail.services.extractions = mail.extractions.get();
        mail.services.transactions = mail.transactions.get();
        mail.services.defaultCurrency = [](qint64) {
            return Currency::fromCode(u"EUR");
        };
        mail.services.archive = MailArchive(mail.archive.path()); // empty: the job reads what the database kept
        mail.llm = environment();

        ConnectedAccount account;
        account.provider = MailProvider::Gmail;
        account.email = QStringLiteral("sam@example.com");
        account.keychainKey = ConnectedAccount::keychainKeyFor(MailProvider::Gmail, account.email);
        auto accountId = mail.accounts->add(m_user, account);
        QVERIFY2(accountId, qPrintable(accountId ? QString() : accountId.error().toString()));
        mail.accountId = *accountId;

        mail.runner = std::make_unique<JobRunner>(database, mail.jobs.get(), m_clock);
        mail.runner->setIdlePoll(std::chrono::milliseconds(100));
        registerMailJobs(*mail.runner, mail.services);
        registerEmailExtractionJobs(*mail.runner, mail.services, &mail.llm);
        QVERIFY(mail.runner->start());
    }

    qint64 addEmail(MailFixture& mail, const QString& id, const QString& subject, const QString& body)
    {
        Email email;
        email.accountId = mail.accountId;
        email.provider = MailProvider::Gmail;
        email.providerMessageId = id;
        email.subject = subject;
        email.sender = QStringLiteral("Shop <orders@shop.example>");
        email.bodyText = body;
        email.receivedAt = QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
        email.checksum = QStringLiteral("%1").arg(qHash(id), 64, 16, QLatin1Char('0'));
        auto added = mail.emails->add(m_user, email);
        if (!added) {
            qWarning() << added.error().toString();
            return 0;
        }
        return added->id;
    }

    // Runs one EMAIL_EXTRACTION job to the end; its id.
    qint64 runExtraction(MailFixture& mail)
    {
        auto id = mail.jobs->enqueue(m_user, JobTypes::EmailExtraction, JobTrigger::Manual,
                                     {{QStringLiteral("accountId"), mail.accountId}});
        if (!id)
            return 0;
        mail.runner->wake();
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 30'000) {
            auto job = mail.jobs->findForRunner(*id);
            if (job && job->status == JobStatus::Success)
                return *id;
            if (job && job->status == JobStatus::Failed)
                return -*id;
            QTest::qWait(20);
        }
        return 0;
    }

    EmailExtraction extractionOf(MailFixture& mail, qint64 emailId)
    {
        auto latest = mail.extractions->latestForEmail(m_user, emailId);
        return latest ? *latest : EmailExtraction();
    }

private Q_SLOTS:
    void init()
    {
        m_db = std::make_unique<TestDatabase>();
        QVERIFY(m_db->isValid());
        m_user = m_db->createUser(QStringLiteral("sam"));
        QVERIFY(m_user > 0);
        m_server = std::make_unique<LlmTestServer>();
    }

    void cleanup()
    {
        m_server.reset();
        m_db.reset();
    }

    // --- the synchronous call -------------------------------------------------------------------------------

    void structuredCallOnWorkerIsAccounted()
    {
        configure(false, true, false);
        JobRepository jobs(m_db->database());
        const qint64 jobId = *jobs.enqueue(m_user, JobTypes::EmailExtraction, JobTrigger::Manual);
        m_server->enqueue(
            CompletionsPath,
            ScriptedReply::json(completion(QStringLiteral(R"({"category":"Groceries","confidence":0.8})"), 321, 12)));
        auto call = LlmStructuredCall::forFeature(environment(), m_user, LlmFeature::Categorization);
        QVERIFY(call && *call);
        const auto request = simpleCall(jobId);
        auto future = QtConcurrent::run([&] { return (*call)->run(request); });
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20'000);
        const auto outcome = future.result();
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
        QCOMPARE(outcome.response->json.value(QStringLiteral("category")).toString(), QStringLiteral("Groceries"));

        QCOMPARE(m_server->requests(CompletionsPath).size(), 1);
        const auto sent = m_server->requests(CompletionsPath).first().json;
        QVERIFY(compact(sent).contains(QLatin1String("Fresh Market")));

        const auto rows = accounted();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().id, outcome.llmTransactionId);
        QCOMPARE(rows.first().jobId, std::optional<qint64>(jobId));
        QCOMPARE(rows.first().inputTokens, std::optional<qint64>(321));
        QCOMPARE(rows.first().outputTokens, std::optional<qint64>(12));
        QCOMPARE(rows.first().totalTokens, std::optional<qint64>(333));
        QCOMPARE(rows.first().promptVersion, request.prompt.id());
        QCOMPARE(rows.first().promptHash, request.prompt.sha256);
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM ai_interactions WHERE user_id = ? AND "
                                             "interaction_type = 'categorization'"),
                              {m_user}),
                 1);
    }

    void structuredCallRefusedOnMainThread()
    {
        configure(false, true, false);
        m_server->enqueue(CompletionsPath, ScriptedReply::json(completion(QStringLiteral("{}"))));
        auto call = LlmStructuredCall::forFeature(environment(), m_user, LlmFeature::Categorization);
        QVERIFY(call && *call);
        const auto outcome = (*call)->run(simpleCall());
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error.kind, LlmError::Kind::Refused);
        QTest::qWait(50);
        QCOMPARE(m_server->requests().size(), 0);
    }

    void featureOffMakesNoCall()
    {
        configure(true, false, true);
        auto call = LlmStructuredCall::forFeature(environment(), m_user, LlmFeature::Categorization);
        QVERIFY(call);
        QVERIFY(!*call);
        auto email = LlmStructuredCall::forFeature(environment(), m_user, LlmFeature::Email);
        QVERIFY(email && *email);
    }

    void capReachedSendsNothing()
    {
        configure(false, true, false, 0); // a cap of nothing is reached before the first call
        m_server->enqueue(CompletionsPath, ScriptedReply::json(completion(QStringLiteral("{}"))));
        auto call = LlmStructuredCall::forFeature(environment(), m_user, LlmFeature::Categorization);
        QVERIFY(call && *call);
        const auto request = simpleCall();
        auto future = QtConcurrent::run([&] { return (*call)->run(request); });
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20'000);
        const auto outcome = future.result();
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error.kind, LlmError::Kind::Refused);
        QVERIFY(outcome.error.message.contains(QLatin1String("limit")));
        QCOMPARE(m_server->requests().size(), 0);
        QCOMPARE(accounted().size(), 0);
    }

    void rateLimitHonoursRetryAfter()
    {
        configure(false, true, false);
        auto limited = ScriptedReply::json(
            {{QStringLiteral("error"), QJsonObject {{QStringLiteral("message"), QStringLiteral("slow down")}}}}, 429);
        limited.headers = {{"Retry-After", "1"}};
        m_server->enqueue(CompletionsPath, limited);
        m_server->enqueue(
            CompletionsPath,
            ScriptedReply::json(completion(QStringLiteral(R"({"category":"Transport","confidence":1})"))));
        auto call = LlmStructuredCall::forFeature(environment(), m_user, LlmFeature::Categorization);
        QVERIFY(call && *call);
        const auto request = simpleCall();
        auto future = QtConcurrent::run([&] { return (*call)->run(request); });
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20'000);
        const auto outcome = future.result();
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.toString()));
        QCOMPARE(outcome.response->attempts, 2);
        const auto requests = m_server->requests(CompletionsPath);
        QCOMPARE(requests.size(), 2);
        QVERIFY2(requests.at(1).atMs - requests.at(0).atMs >= 900,
                 qPrintable(QString::number(requests.at(1).atMs - requests.at(0).atMs)));
        QCOMPARE(accounted().size(), 1);
    }

    // --- email extraction -------------------------------------------------------------------------------------

    void offlineReadingsOfTheFixtures()
    {
        // The premises of the email tests: the offline extractor is unsure of one email and sure of the other.
        ParsedEmail unsure;
        unsure.subject = UnsureSubject;
        unsure.textBody = UnsureBody;
        unsure.fromAddress = QStringLiteral("orders@shop.example");
        const auto offline = EmailExtractor().extract(unsure);
        QVERIFY(EmailLlmReader::needsModel(offline));
        QCOMPARE(offline.status, EmailReading::Status::Failed);
        ParsedEmail sure = unsure;
        sure.subject = SureSubject;
        sure.textBody = SureBody;
        const auto confident = EmailExtractor().extract(sure);
        QCOMPARE(confident.status, EmailReading::Status::Success);
        QVERIFY2(!EmailLlmReader::needsModel(confident), qPrintable(QString::number(confident.confidence)));
    }

    void emailAmountParsedAsDecimalString()
    {
        auto answer = emailAnswer();
        answer.insert(QStringLiteral("amount"), QStringLiteral("0.29"));
        answer.insert(QStringLiteral("currency"), QStringLiteral("JPY"));
        // 0.29 yen has more decimals than the yen: refused rather than rounded through floating point.
        QVERIFY(!EmailLlmReader::readingFrom(answer, Currency::fromCode(u"EUR"), QDate(2026, 11, 20)));
        answer.insert(QStringLiteral("amount"), QStringLiteral("1250"));
        auto yen = EmailLlmReader::readingFrom(answer, Currency::fromCode(u"EUR"), QDate(2026, 11, 20));
        QVERIFY(yen);
        QCOMPARE(yen->amount->minor(), 1250);
        answer.insert(QStringLiteral("amount"), QStringLiteral("0.29"));
        answer.insert(QStringLiteral("currency"), QJsonValue());
        auto euro = EmailLlmReader::readingFrom(answer, Currency::fromCode(u"EUR"), QDate(2026, 11, 20));
        QVERIFY(euro);
        QCOMPARE(euro->amount->minor(), 29); // 0.29 * 100 in floating point would be 28.999…
        QCOMPARE(euro->amount->currency().code(), QStringLiteral("EUR"));
        answer.insert(QStringLiteral("is_purchase"), false);
        auto none = EmailLlmReader::readingFrom(answer, Currency::fromCode(u"EUR"), QDate(2026, 11, 20));
        QVERIFY(none);
        QCOMPARE(none->status, EmailReading::Status::Skipped);
    }

    void emailExtractionUsesTheModelsReading()
    {
        configure(true, false, false);
        MailFixture mail;
        setUpMail(mail);
        const qint64 unsure = addEmail(mail, QStringLiteral("m-1"), UnsureSubject, UnsureBody);
        const qint64 sure = addEmail(mail, QStringLiteral("m-2"), SureSubject, SureBody);
        QVERIFY(unsure && sure);
        m_server->enqueue(CompletionsPath, ScriptedReply::json(completion(compact(emailAnswer()), 900, 80)));

        const qint64 jobId = runExtraction(mail);
        QVERIFY(jobId > 0);
        // Only the email the offline reader was unsure of went to the model.
        const auto requests = m_server->requests(CompletionsPath);
        QCOMPARE(requests.size(), 1);
        QVERIFY(compact(requests.first().json).contains(QLatin1String("forty-two euros")));
        QVERIFY(!compact(requests.first().json).contains(QLatin1String("Corner Bakery")));

        const auto prompt = PromptLibrary::load(QStringLiteral("email-extraction"));
        QVERIFY(prompt);
        const auto row = extractionOf(mail, unsure);
        QCOMPARE(row.status, ExtractionOutcome::Success);
        QCOMPARE(row.modelUsed, QStringLiteral("test-model"));
        QCOMPARE(row.promptHash, prompt->sha256);
        QCOMPARE(row.extractedJson.value(QStringLiteral("method")).toString(), QStringLiteral("llm"));
        const auto offlineRow = extractionOf(mail, sure);
        QCOMPARE(offlineRow.status, ExtractionOutcome::Success);
        QVERIFY(offlineRow.promptHash.isEmpty());
        QVERIFY(offlineRow.modelUsed != QLatin1String("test-model"));

        auto made = mail.transactions->findForEmail(m_user, unsure);
        QVERIFY(made);
        QCOMPARE(made->size(), 1);
        QCOMPARE(made->first().amount.minor(), 104235);
        QCOMPARE(made->first().amount.currency().code(), QStringLiteral("EUR"));
        QCOMPARE(made->first().merchant, QStringLiteral("Bob's Bikes"));
        QCOMPARE(made->first().occurredOn, QDate(2026, 11, 20));
        QVERIFY(!made->first().confirmedByUser);

        const auto rows = accounted();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().jobId, std::optional<qint64>(jobId));
        QCOMPARE(rows.first().inputTokens, std::optional<qint64>(900));
        QCOMPARE(rows.first().outputTokens, std::optional<qint64>(80));
        QCOMPARE(rows.first().promptHash, prompt->sha256);
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM ai_interactions WHERE user_id = ? AND "
                                             "interaction_type = 'email_extraction'"),
                              {m_user}),
                 1);
        mail.runner->stop();
    }

    void invalidAnswerIsRepairedThenFallsBack()
    {
        configure(true, false, false);
        MailFixture mail;
        setUpMail(mail);
        const qint64 unsure = addEmail(mail, QStringLiteral("m-1"), UnsureSubject, UnsureBody);
        QVERIFY(unsure);
        m_server->enqueue(CompletionsPath, ScriptedReply::json(completion(QStringLiteral("{\"is_purchase\": tru"))));
        m_server->enqueue(CompletionsPath, ScriptedReply::json(completion(QStringLiteral("I think it is 42 €."))));

        QVERIFY(runExtraction(mail) > 0);
        QCOMPARE(m_server->requests(CompletionsPath).size(), 2); // the call and one repair attempt
        const auto row = extractionOf(mail, unsure);
        QCOMPARE(row.status, ExtractionOutcome::Failed); // the offline reading, kept
        QVERIFY(row.promptHash.isEmpty());
        QVERIFY(!row.extractedJson.value(QStringLiteral("llmError")).toString().isEmpty());
        auto email = mail.emails->find(m_user, unsure);
        QVERIFY(email);
        QCOMPARE(email->extractionStatus, EmailExtractionStatus::Failed); // read, not lost and not pending forever
        QCOMPARE(accounted().size(), 1); // the failed call is accounted too
        mail.runner->stop();
    }

    void capReachedKeepsOfflineResult()
    {
        configure(true, false, false, 0);
        MailFixture mail;
        setUpMail(mail);
        const qint64 unsure = addEmail(mail, QStringLiteral("m-1"), UnsureSubject, UnsureBody);
        const qint64 other = addEmail(mail, QStringLiteral("m-3"), UnsureSubject + QStringLiteral(" (2)"), UnsureBody);
        QVERIFY(unsure && other);
        QVERIFY(runExtraction(mail) > 0);
        QTest::qWait(50);
        QCOMPARE(m_server->requests().size(), 0);
        QCOMPARE(accounted().size(), 0);
        const auto row = extractionOf(mail, unsure);
        QCOMPARE(row.status, ExtractionOutcome::Failed);
        QVERIFY(row.extractedJson.value(QStringLiteral("llmError")).toString().contains(QLatin1String("limit")));
        QCOMPARE(extractionOf(mail, other).status, ExtractionOutcome::Failed);
        mail.runner->stop();
    }

    void emailFeatureOffSendsNothing()
    {
        configure(false, true, true);
        MailFixture mail;
        setUpMail(mail);
        const qint64 unsure = addEmail(mail, QStringLiteral("m-1"), UnsureSubject, UnsureBody);
        QVERIFY(unsure);
        m_server->enqueue(CompletionsPath, ScriptedReply::json(completion(compact(emailAnswer()))));
        QVERIFY(runExtraction(mail) > 0);
        QTest::qWait(50);
        QCOMPARE(m_server->requests().size(), 0);
        const auto row = extractionOf(mail, unsure);
        QCOMPARE(row.status, ExtractionOutcome::Failed);
        QVERIFY(!row.extractedJson.contains(QStringLiteral("llmError")));
        mail.runner->stop();
    }

    // --- categorization ---------------------------------------------------------------------------------------

    void categorizerAsksTheModelWhenUnsure_data()
    {
        QTest::addColumn<bool>("featureOn");
        QTest::newRow("feature on") << true;
        QTest::newRow("feature off") << false;
    }

    void categorizerAsksTheModelWhenUnsure()
    {
        QFETCH(bool, featureOn);
        configure(false, featureOn, false);
        CategorizationStateRepository state(m_db->database());
        CategorizationSettings settings;
        settings.useLlm = true;
        QVERIFY(state.saveSettings(m_user, settings));
        TransactionRepository transactions(m_db->database());
        CategoryRepository categories(m_db->database());
        Categorizer categorizer(m_db->database(), &transactions, &categories, m_user);
        QVERIFY(categorizer.load());
        transactions.setCategorizationHook(&categorizer);
        LlmCategorizer stage(environment(), m_user);
        categorizer.setLlmStage(&stage);

        m_server->enqueue(
            CompletionsPath,
            ScriptedReply::json(completion(QStringLiteral(R"({"category":"Groceries","confidence":0.7})"))));
        Transaction t = TestDatabase::expense(2350, QStringLiteral("Zqxwv Handelsges."), QDate(2026, 11, 20));
        auto id = transactions.add(m_user, t);
        QVERIFY(id);
        if (!featureOn) {
            QTRY_COMPARE(stage.pending(), 0);
            QTest::qWait(200);
            QCOMPARE(m_server->requests().size(), 0);
            QVERIFY(transactions.find(m_user, *id)->categorizedBy != CategorizedBy::Llm);
            transactions.setCategorizationHook(nullptr);
            return;
        }
        QTRY_COMPARE_WITH_TIMEOUT(transactions.find(m_user, *id)->categorizedBy, CategorizedBy::Llm, 20'000);
        const auto stored = *transactions.find(m_user, *id);
        QCOMPARE(stored.categoryId, std::optional<qint64>(m_db->categoryId(m_user, QStringLiteral("Groceries"))));
        QCOMPARE(stored.categoryConfidence, std::optional<double>(0.7)); // below 0.9: it waits for review
        QVERIFY(!stored.confirmedByUser);
        const auto requests = m_server->requests(CompletionsPath);
        QCOMPARE(requests.size(), 1);
        // The user's category names are the schema's enum.
        QVERIFY(compact(requests.first().json).contains(QLatin1String("\"enum\":[")));
        QVERIFY(compact(requests.first().json).contains(QLatin1String("Zqxwv")));
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT count(*) FROM ai_interactions WHERE user_id = ? AND "
                                             "interaction_type = 'categorization'"),
                              {m_user}),
                 1);
        transactions.setCategorizationHook(nullptr);
    }

    // --- receipt second opinion -------------------------------------------------------------------------------

    void receiptSecondOpinionSuggestsWithoutApplying()
    {
        configure(false, false, true);
        OcrDocument document;
        OcrPage page;
        for (const char* line : {"SUPERMARKT NORD GMBH", "Milch 1,29", "Brot 2,49", "SUMME EUR 3,7B", "20.11.2026"}) {
            OcrLine ocrLine;
            ocrLine.text = QString::fromLatin1(line);
            page.lines.append(ocrLine);
        }
        document.pages.append(page);
        ReceiptDraft draft;
        draft.merchant = QStringLiteral("SUPERMARKT NORD GMBH");
        draft.currency = Currency::fromCode(u"EUR");
        draft.date = QDate(2026, 11, 20);
        draft.sources.insert(QString::fromLatin1(ReceiptDraft::Merchant), {0.9f, {}, 0, QStringLiteral("ocr"), {}});
        draft.sources.insert(QString::fromLatin1(ReceiptDraft::Date), {0.9f, {}, 0, QStringLiteral("ocr"), {}});
        QVERIFY(ReceiptSecondOpinion::isWanted(draft, {})); // no total
        draft.totalMinor = 378;
        draft.sources.insert(QString::fromLatin1(ReceiptDraft::Total), {0.9f, {}, 0, QStringLiteral("ocr"), {}});
        QVERIFY(!ReceiptSecondOpinion::isWanted(draft, {}));
        draft.sources[QString::fromLatin1(ReceiptDraft::Total)].confidence = 0.3f;
        QVERIFY(ReceiptSecondOpinion::isWanted(draft, {}));

        const QJsonObject answer {{QStringLiteral("merchant"), QStringLiteral("Supermarkt Nord GmbH")},
                                  {QStringLiteral("date"), QStringLiteral("2026-11-20")},
                                  {QStringLiteral("total"), QStringLiteral("3.78")},
                                  {QStringLiteral("tax"), QStringLiteral("0.25")},
                                  {QStringLiteral("currency"), QStringLiteral("EUR")}};
        m_server->enqueue(CompletionsPath, ScriptedReply::json(completion(compact(answer))));
        auto call = LlmStructuredCall::forFeature(environment(), m_user, LlmFeature::Receipts);
        QVERIFY(call && *call);
        auto future = QtConcurrent::run(
            [&] { return ReceiptSecondOpinion::ask(**call, document, Currency::fromCode(u"EUR"), m_clock.today()); });
        QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 20'000);
        auto opinion = future.result();
        QVERIFY(opinion);
        QCOMPARE(opinion->totalMinor, std::optional<qint64>(378));
        QVERIFY(compact(m_server->requests(CompletionsPath).first().json).contains(QLatin1String("SUMME EUR 3,7B")));

        // Same merchant (case and punctuation aside), date and total: only the tax the parser did not find differs.
        const ReceiptDraft before = draft;
        ReceiptSecondOpinion::attach(draft, *opinion);
        const auto suggestions = ReceiptSecondOpinion::suggestionsOf(draft);
        QCOMPARE(suggestions.size(), 1);
        QCOMPARE(suggestions.first(),
                 (ReceiptSecondOpinion::Suggestion {QStringLiteral("tax"), QString(), QStringLiteral("0.25")}));
        QCOMPARE(draft.taxMinor, before.taxMinor); // never applied by itself
        QCOMPARE(draft.totalMinor, before.totalMinor);
        QCOMPARE(ReceiptDraft::fromJson(draft.toJson()).secondOpinion, draft.secondOpinion);

        opinion->totalMinor = 3780;
        opinion->merchant = QStringLiteral("Nordmarkt");
        const auto differing = ReceiptSecondOpinion::compare(before, *opinion);
        QCOMPARE(differing.size(), 3);
        QCOMPARE(differing.at(0).field, QStringLiteral("merchant"));
        QCOMPARE(differing.at(1),
                 (ReceiptSecondOpinion::Suggestion {QStringLiteral("total"), QStringLiteral("3.78"),
                                                    QStringLiteral("37.80")}));
        QCOMPARE(accounted().size(), 1);
        QCOMPARE(accounted().first().promptHash, opinion->promptHash);
    }

    // The pipeline stage (ReceiptSecondOpinion::consult, as ReceiptBatch's workers call it): asks only when the
    // switch is on and the reading is unsure, keeps the reason when the call fails, never changes the fields.
    void receiptConsultAsksOnlyWhenSwitchedOnAndUnsure()
    {
        ReceiptReading reading;
        OcrPage page;
        for (const char* line : {"CORNER CAFE", "Latte 3.40", "TOTAL 3.40"}) {
            OcrLine ocrLine;
            ocrLine.text = QString::fromLatin1(line);
            page.lines.append(ocrLine);
        }
        reading.document.pages.append(page);
        reading.draft.merchant = QStringLiteral("CORNER CAFE");
        reading.draft.currency = Currency::fromCode(u"EUR");
        reading.draft.totalMinor = 340;
        for (const char* field : {ReceiptDraft::Merchant, ReceiptDraft::Total})
            reading.draft.sources.insert(QString::fromLatin1(field), {0.9f, {}, 0, QStringLiteral("ocr"), {}});
        // No date: unsure.
        const auto consult = [&](ReceiptReading& target) {
            auto future = QtConcurrent::run([&] {
                return ReceiptSecondOpinion::consult(environment(), m_user, target, Currency::fromCode(u"EUR"));
            });
            if (!QTest::qWaitFor([&] { return future.isFinished(); }, 20'000))
                return false;
            return future.result();
        };

        // Switch off (no settings at all, then a model without the receipts switch): nothing is sent.
        ReceiptReading off = reading;
        QVERIFY(!consult(off));
        configure(true, true, false);
        QVERIFY(!consult(off));
        QVERIFY(off.draft.secondOpinion.isEmpty());
        QCOMPARE(m_server->requests(CompletionsPath).size(), 0);

        // Switched on, but a sure reading: nothing is sent.
        configure(false, false, true);
        ReceiptReading sure = reading;
        sure.draft.date = QDate(2026, 11, 18);
        sure.draft.sources.insert(QString::fromLatin1(ReceiptDraft::Date), {0.9f, {}, 0, QStringLiteral("ocr"), {}});
        QVERIFY(!consult(sure));
        QCOMPARE(m_server->requests(CompletionsPath).size(), 0);
        // … unless the rereads left a region unsure.
        sure.unsure = true;
        m_server->enqueue(
            CompletionsPath,
            ScriptedReply::json(completion(compact({{QStringLiteral("merchant"), QStringLiteral("Corner Cafe")},
                                                    {QStringLiteral("date"), QStringLiteral("2026-11-18")},
                                                    {QStringLiteral("total"), QStringLiteral("3.40")},
                                                    {QStringLiteral("tax"), QJsonValue()},
                                                    {QStringLiteral("currency"), QStringLiteral("EUR")}}))));
        QVERIFY(consult(sure));
        QVERIFY(ReceiptSecondOpinion::suggestionsOf(sure.draft).isEmpty()); // it agrees
        QCOMPARE(sure.draft.secondOpinion.value(QStringLiteral("model")).toString(), QStringLiteral("test-model"));

        // The unsure reading: the model's date becomes a suggestion; the draft keeps its own (missing) date.
        m_server->enqueue(
            CompletionsPath,
            ScriptedReply::json(completion(compact({{QStringLiteral("merchant"), QStringLiteral("Corner Cafe")},
                                                    {QStringLiteral("date"), QStringLiteral("2026-11-17")},
                                                    {QStringLiteral("total"), QStringLiteral("3.40")},
                                                    {QStringLiteral("tax"), QJsonValue()},
                                                    {QStringLiteral("currency"), QStringLiteral("EUR")}}))));
        ReceiptReading unsure = reading;
        QVERIFY(consult(unsure));
        const auto suggestions = ReceiptSecondOpinion::suggestionsOf(unsure.draft);
        QCOMPARE(suggestions.size(), 1);
        QCOMPARE(suggestions.first(),
                 (ReceiptSecondOpinion::Suggestion {QStringLiteral("date"), QString(), QStringLiteral("2026-11-17")}));
        QVERIFY(!unsure.draft.date.isValid());
        QVERIFY(compact(m_server->requests(CompletionsPath).last().json).contains(QLatin1String("TOTAL 3.40")));
        const auto rows = accounted();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(m_db->scalar(QStringLiteral("SELECT COUNT(*) FROM ai_interactions WHERE user_id = ? AND "
                                             "interaction_type = 'invoice_processing'"),
                              {m_user}),
                 2);

        // The server fails: the reason is kept for the review, the fields stay as read.
        for (int attempt = 0; attempt < 4; ++attempt)
            m_server->enqueue(CompletionsPath,
                              ScriptedReply::json({{QStringLiteral("error"),
                                                    QJsonObject {{QStringLiteral("message"),
                                                                  QStringLiteral("model is "
                                                                                 "loading")}}}},
                                                  503));
        ReceiptReading failing = reading;
        QVERIFY(consult(failing));
        QVERIFY(!ReceiptSecondOpinion::errorOf(failing.draft).isEmpty());
        QVERIFY(ReceiptSecondOpinion::suggestionsOf(failing.draft).isEmpty());
        QCOMPARE(failing.draft.totalMinor, reading.draft.totalMinor);
        QCOMPARE(failing.draft.merchant, reading.draft.merchant);
    }
};

QTEST_MAIN(TestLlmStages)
#include "tst_llmstages.moc"
