/**
 * Scene transcripts: a campaign's in-character posts from the post log, grouped by thread
 * ({@link dev.campaignkeeper.core.transcript.Transcript}), and the two files they are written as
 * ({@link dev.campaignkeeper.core.transcript.TranscriptFormat}: Markdown for GitHub, one
 * self-contained printable HTML page). Platform-neutral: links to messages and users' names come
 * from the caller ({@link dev.campaignkeeper.core.transcript.TranscriptStyle}).
 */
package dev.campaignkeeper.core.transcript;
