/**
 * The benchmark suite's tools, run by {@code bench/run}: the S site as a WordPress export ({@link
 * org.tribune.bench.suite.SiteWxr}), the L dataset's comments written straight into PostgreSQL
 * ({@link org.tribune.bench.suite.BulkComments}), the comment-posting driver ({@link
 * org.tribune.bench.suite.PostComments}), readers polling a discussion's state for {@code
 * bench/hot} ({@link org.tribune.bench.suite.PollState}), and for {@code cluster/faults} and {@code
 * cluster/soak} a TCP relay ({@link org.tribune.bench.suite.TcpProxy}) and a moderator working in
 * the console ({@link org.tribune.bench.suite.ConsoleModerator}), signed in as any console tool is
 * ({@link org.tribune.bench.suite.ConsoleSession}, also used by bench/media). Not part of the
 * application; built by {@code mvn -Pbench}.
 */
package org.tribune.bench.suite;
