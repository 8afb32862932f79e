"""Why a sentence was (or was not) coded: the parse, the actors, the patterns.

`explain_text` returns plain-text lines so the same report serves the CLI,
tests and, later, the API.
"""

from __future__ import annotations

from datetime import date

from detente.pipeline import Pipeline, article_from_text


def explain_text(pipeline: Pipeline, text: str, published: date | None = None) -> list[str]:
    """A readable report of every step of coding `text`."""
    article = article_from_text(text, published)
    doc = pipeline.nlp(article.body)
    codings = pipeline.code_sentences(doc, article, explain=True)
    lines = [f"published: {published or 'unknown'}"]
    for index, (sent, coding) in enumerate(zip(doc.sents, codings, strict=True)):
        lines.append("")
        lines.append(f"sentence {index}: {sent.text.strip()}")
        lines.append("  tokens:")
        for token in sent:
            if token.is_space:
                continue
            hit = token._.detente_hit
            mark = ""
            if hit is not None:
                if hit.role is not None:
                    mark = f"  [role: {hit.role.phrase} -> {hit.role.sector}]"
                else:
                    kinds = ", ".join(f"{e.kind} {e.name}" for e in hit.entries)
                    mark = f"  [{kinds}]"
            lines.append(
                f"    {token.i:>3} {token.text:<16} {token.lemma_:<14} {token.pos_:<6} "
                f"{token.dep_:<10} <- {token.head.i:<3} {token.ent_type_}{mark}"
            )
        matched = coding.matched
        attempts = matched.attempts if matched else []
        lines.append(
            "  patterns tried:"
            if attempts
            else "  patterns tried: none (no head word in the lexicon)"
        )
        for attempt in attempts:
            verdict = "MATCH" if attempt.match else f"no: {attempt.reason}"
            lines.append(
                f"    {attempt.pattern.code:<5} {attempt.pattern.pattern:<40} "
                f"at '{attempt.head.text}' ({attempt.pattern.origin}): {verdict}"
            )
        if coding.decisions:
            lines.append("  decisions:")
        for decision in coding.decisions:
            match = decision.match
            event = decision.event
            what = (
                f"{event.source.actor.code} -{event.cameo}-> {event.target.actor.code} "
                f"[{event.status.value}{', cue: ' + event.status_cue if event.status_cue else ''}]"
                if event
                else f"'{match.pattern.pattern}' at '{match.head.text}'"
            )
            lines.append(f"    {what}: {decision.outcome}")
        if not coding.events:
            lines.append("  events: none")
        for event in coding.events:
            loc = event.location.name if event.location else "-"
            lines.append(
                f"  EVENT {event.source.actor.code} ({event.source.text}) -{event.cameo} "
                f"{event.plover_type or ''}-> {event.target.actor.code} ({event.target.text}); "
                f"{event.status.value}; {event.date} ({event.date_precision}); {loc}; "
                f"rule {event.rule}; confidence {event.confidence}"
            )
    return lines
