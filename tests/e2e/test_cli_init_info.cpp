// End-to-end: `frontier-atlas init` and `frontier-atlas info`, run as separate processes.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>

namespace {

struct AppRun {
    int code = -1; ///< -1: crashed or timed out
    QString out, err;
};

AppRun runApp(const QStringList& args)
{
    QProcess p;
    p.start(QStringLiteral(FRONTIER_APP_PATH), args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return {};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

/// A failing command says what went wrong in exactly one line on stderr.
void expectOneErrorLine(const AppRun& r)
{
    EXPECT_NE(r.code, 0);
    EXPECT_NE(r.code, -1) << "the process crashed or hung";
    EXPECT_TRUE(r.err.endsWith(QLatin1Char('\n'))) << r.err.toStdString();
    EXPECT_EQ(r.err.count(QLatin1Char('\n')), 1) << r.err.toStdString();
    EXPECT_TRUE(r.err.startsWith(QLatin1StringView("frontier-atlas "))) << r.err.toStdString();
}

QByteArray contents(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

TEST(CliInitInfo, InitCreatesTheBundledDatabaseAndInfoDescribesIt)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString db = dir.filePath(QStringLiteral("atlas.sqlite"));

    const AppRun init = runApp({QStringLiteral("init"), QStringLiteral("--db"), db});
    ASSERT_EQ(init.code, 0) << init.err.toStdString();
    EXPECT_TRUE(init.err.isEmpty()) << init.err.toStdString();
    EXPECT_TRUE(init.out.contains(QLatin1StringView("53 bundled events")))
        << init.out.toStdString();
    EXPECT_TRUE(QFile::exists(db));

    const AppRun info = runApp({QStringLiteral("info"), QStringLiteral("--db"), db});
    ASSERT_EQ(info.code, 0) << info.err.toStdString();
    EXPECT_TRUE(info.err.isEmpty()) << info.err.toStdString();
    const QStringList lines = info.out.split(QLatin1Char('\n'));
    EXPECT_TRUE(lines.contains(QStringLiteral("events: 53"))) << info.out.toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral("  incident: 16"))) << info.out.toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral("  diplomatic: 35"))) << info.out.toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral("  context: 2"))) << info.out.toStdString();
    EXPECT_TRUE(lines.contains(QStringLiteral("integrity check: ok"))) << info.out.toStdString();
    EXPECT_TRUE(info.out.contains(QLatin1StringView("schema version: "))) << info.out.toStdString();
    // The facts run from 22 June 2021 to 29 January 2026.
    EXPECT_TRUE(
        info.out.contains(QLatin1StringView("time extent: 2021-06-22T00:00:00Z .. 2026-01-")))
        << info.out.toStdString();
    EXPECT_TRUE(info.out.contains(QLatin1StringView("space extent: longitude ")))
        << info.out.toStdString();
}

TEST(CliInitInfo, InitRefusesAnExistingFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("notes.txt"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("my precious notes\n");
    }
    const AppRun r = runApp({QStringLiteral("init"), QStringLiteral("--db"), path});
    expectOneErrorLine(r);
    EXPECT_TRUE(r.err.contains(QLatin1StringView("already exists"))) << r.err.toStdString();
    EXPECT_EQ(contents(path), QByteArray("my precious notes\n"));

    // A database made by init is not overwritten by a second init either.
    const QString db = dir.filePath(QStringLiteral("atlas.sqlite"));
    ASSERT_EQ(runApp({QStringLiteral("init"), QStringLiteral("--db"), db}).code, 0);
    const QByteArray before = contents(db);
    expectOneErrorLine(runApp({QStringLiteral("init"), QStringLiteral("--db"), db}));
    EXPECT_EQ(contents(db), before);
}

TEST(CliInitInfo, InfoOnATextFileFailsWithOneLine)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("readme.txt"));
    {
        QFile f(path);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("This is a plain text file, long enough to fill SQLite's 100-byte header and more "
                "so that nobody mistakes it for an empty database.\n");
    }
    const QByteArray before = contents(path);
    const AppRun r = runApp({QStringLiteral("info"), QStringLiteral("--db"), path});
    expectOneErrorLine(r);
    EXPECT_TRUE(r.err.contains(QLatin1StringView("readme.txt"))) << r.err.toStdString();
    EXPECT_TRUE(r.out.isEmpty()) << r.out.toStdString();
    EXPECT_EQ(contents(path), before);
}

TEST(CliInitInfo, InfoOnAMissingFileOrFolderFailsWithOneLine)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString missing = dir.filePath(QStringLiteral("nowhere.sqlite"));
    const AppRun r = runApp({QStringLiteral("info"), QStringLiteral("--db"), missing});
    expectOneErrorLine(r);
    EXPECT_TRUE(r.err.contains(QLatin1StringView("does not exist"))) << r.err.toStdString();
    EXPECT_FALSE(QFile::exists(missing)); // looking must not create it

    const AppRun folder = runApp({QStringLiteral("info"), QStringLiteral("--db"), dir.path()});
    expectOneErrorLine(folder);
    EXPECT_TRUE(folder.err.contains(QLatin1StringView("folder"))) << folder.err.toStdString();
}

TEST(CliInitInfo, MissingOrWrongArgumentsFailWithOneLine)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    for (const QStringList& args :
         {QStringList{QStringLiteral("init")}, QStringList{QStringLiteral("info")},
          QStringList{QStringLiteral("init"), QStringLiteral("--db")},
          QStringList{QStringLiteral("info"), QStringLiteral("--db")},
          QStringList{QStringLiteral("info"), QStringLiteral("--bogus")},
          QStringList{QStringLiteral("init"), QStringLiteral("--db"),
                      dir.filePath(QStringLiteral("a.sqlite")), QStringLiteral("extra")}}) {
        SCOPED_TRACE(args.join(QLatin1Char(' ')).toStdString());
        const AppRun r = runApp(args);
        expectOneErrorLine(r);
        EXPECT_EQ(r.code, 2);
    }
    const AppRun missingDb = runApp({QStringLiteral("info")});
    EXPECT_TRUE(missingDb.err.contains(QLatin1StringView("--db"))) << missingDb.err.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("a.sqlite"))));
}
