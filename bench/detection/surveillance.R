# The R side of the detection benchmark: the same series, the same parameters, R's surveillance package.
#   Rscript bench/detection/surveillance.R farrington|ears SERIES.txt OUT.txt
# SERIES.txt holds one series per line (counts separated by spaces). Only the evaluation loop is timed (not R's start-up
# or loading the package); the last line of OUT.txt is "elapsed <seconds> cpu <seconds of CPU time>".
suppressMessages(library(surveillance))
args <- commandArgs(trailingOnly = TRUE)
kind <- args[1]
lines <- readLines(args[2])
series <- lapply(strsplit(lines, " ", fixed = TRUE), as.numeric)
out <- character(length(series))

noufaily <- list(b = 5, w = 3, reweight = TRUE, weightsThreshold = 2.58, alpha = 0.05, trend = TRUE,
                 pThresholdTrend = 0.05, limit54 = c(5, 4), powertrans = "2/3", noPeriods = 10,
                 pastWeeksNotIncluded = 26, thresholdMethod = "nbPlugin", populationOffset = FALSE)

started <- proc.time()
for (i in seq_along(series)) {
  x <- series[[i]]
  n <- length(x)
  if (kind == "farrington") {
    s <- sts(observed = x, frequency = 52, start = c(2000, 1))
    r <- suppressWarnings(farringtonFlexible(s, control = c(noufaily, list(range = n))))
    u <- upperbound(r)[1]
    out[i] <- paste(ifelse(is.na(u), "NA", sprintf("%.17g", u)), ifelse(isTRUE(alarms(r)[1] == 1), 1, 0))
  } else {
    s <- sts(observed = x, frequency = 365, start = c(2000, 1))
    r <- earsC(s, control = list(method = "C2", alpha = 0.001, baseline = 7, minSigma = 0, range = 10:n))
    out[i] <- paste(as.integer(alarms(r)), collapse = "")
  }
}
used <- proc.time() - started
writeLines(c(out, sprintf("elapsed %.6f cpu %.6f", used[["elapsed"]], used[["user.self"]] + used[["sys.self"]])), args[3])
