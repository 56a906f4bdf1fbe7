# Summarises `jfr print --stack-depth N --events jdk.ExecutionSample` for the import's thread (the
# HTTP worker that runs the POST): the methods running (self), the innermost Tribune method of each
# sample (where in Tribune's code the time goes, callees included), and some library markers
# (inclusive). Usage: awk -v thread=http-thread-pool -f jfr-summary.awk samples.txt
function flush(   i, f, seenT, key, done) {
  if (!inThread || depth == 0) { depth = 0; return }
  samples++
  self[frame[1]]++
  done = 0
  for (i = 1; i <= depth; i++) {
    f = frame[i]
    if (!done && f ~ /^org\.tribune\./ && f !~ /\$Proxy\$_\$\$_Weld/) { tribune[f]++; done = 1 }
    for (key in marker) if (!(key in seenT) && f ~ marker[key]) { seenT[key] = 1; markers[key]++ }
  }
  if (!done) tribune["(no Tribune frame on the recorded stack)"]++
  depth = 0
}
BEGIN {
  marker["H2 (org.h2)"] = "^org\\.h2\\."
  marker["PostgreSQL driver (org.postgresql)"] = "^org\\.postgresql\\."
  marker["EclipseLink (org.eclipse.persistence)"] = "^org\\.eclipse\\.persistence\\."
  marker["EclipseLink DatabaseQuery.rowFromArguments (binding parameters)"] = "DatabaseQuery\\.rowFromArguments"
  marker["EclipseLink commit / flush (UnitOfWork writeChanges or commit)"] = "UnitOfWorkImpl\\.commitToDatabase|RepeatableWriteUnitOfWork\\.writeChanges"
  marker["jsoup (parsing, cleaning HTML)"] = "^org\\.jsoup\\."
  marker["OWASP sanitizer"] = "^org\\.owasp\\."
  marker["StAX reading (com.sun.org.apache.xerces)"] = "^com\\.sun\\.org\\.apache\\.xerces\\."
  marker["Tribune SearchIndex.index"] = "SearchIndex\\.index\\("
  marker["Tribune comment create (CommentTransferService.create)"] = "DefaultCommentTransferService\\.create\\("
  marker["Tribune article create (ArticleTransferService.create)"] = "DefaultArticleTransferService\\.create\\("
  marker["Tribune ImportLinks (source-id rows)"] = "ImportLinks\\."
  marker["Transaction commit (JTA)"] = "JavaEETransactionManagerSimplified\\.commit|TransactionImpl\\.commit"
}
/jdk\.ExecutionSample \{/ { flush(); inThread = 0; inStack = 0; next }
/sampledThread = / { inThread = index($0, thread) > 0; next }
/stackTrace = \[/ { inStack = 1; depth = 0; next }
inStack && /^[ \t]*\]/ { inStack = 0; next }
inStack {
  line = $0; sub(/^[ \t]+/, "", line); sub(/[ \t]+line:.*/, "", line)
  if (line != "..." && line != "") frame[++depth] = line
  next
}
END {
  flush()
  printf "%d samples of the import's thread.\n\nRunning (self time), top 20:\n\n", samples
  for (f in self) printf "%6d %5.1f%%  %s\n", self[f], 100 * self[f] / samples, f | "sort -rn | head -20"
  close("sort -rn | head -20")
  printf "\nInnermost Tribune method on the stack (its callees included), top 20:\n\n"
  for (f in tribune) printf "%6d %5.1f%%  %s\n", tribune[f], 100 * tribune[f] / samples, f | "sort -rn | head -20"
  close("sort -rn | head -20")
  printf "\nInclusive (samples with this anywhere on the stack):\n\n"
  for (k in markers) printf "%6d %5.1f%%  %s\n", markers[k], 100 * markers[k] / samples, k | "sort -rn"
  close("sort -rn")
}
