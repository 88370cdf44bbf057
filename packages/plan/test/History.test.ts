import { isoDate } from '@progress-ledger/core'
import { describe, expect, it } from 'vitest'
import { historyToEvents, loadHistoryDocument, periodOfDate } from '../src/History'

const src = { document: 'doc.txt', line: 1, quote: 'x' }

describe('history documents', () => {
  it('turns milestones into unplanned MilestoneMet events valid on their latest day, keeping precision', () => {
    const groups = historyToEvents(
      {
        format: 'progress-ledger/history@1',
        milestones: [
          {
            id: 'M1',
            projectId: 'rail',
            met: { date: '2018-06', precision: 'early-month' },
            kind: 'tunnel-blast',
            title: { zh: '首爆' },
            facts: [{ key: 'lengthKm', value: 1.2, unit: 'km', qualifier: 'about', source: src }],
            source: src,
          },
          {
            id: 'M2',
            projectId: 'rail',
            met: { date: '2017-10-23', precision: 'range', end: isoDate('2017-10-25') },
            kind: 'land',
            title: { zh: '勘测' },
            facts: [],
            source: src,
            scope: 'section',
          },
        ],
      },
      { recordedBy: 'yearbook' },
    )
    expect(groups).toHaveLength(1)
    const [a, b] = groups[0]!.events
    expect(a).toMatchObject({
      id: 'history/milestone/rail/M1',
      type: 'MilestoneMet',
      validTime: '2018-06-10',
      actor: 'yearbook',
    })
    expect(a?.data).toMatchObject({
      unplanned: true,
      met: { date: '2018-06', precision: 'early-month' },
      facts: [{ key: 'lengthKm', value: 1.2, unit: 'km' }],
    })
    expect((a?.data as unknown as { facts: unknown[] }).facts[0]).not.toHaveProperty('qualifier')
    expect(b).toMatchObject({ validTime: '2017-10-25', data: { scope: 'section' } })
  })

  it('turns dated values into observation indicators and ValueReported events', () => {
    const groups = historyToEvents(
      {
        format: 'progress-ledger/history@1',
        series: [
          {
            id: 'covid.doses',
            planId: 'obs',
            category: 'covid',
            name: { zh: '接种' },
            unit: '剂次',
          },
        ],
        values: [
          {
            id: 'V1',
            series: 'covid.doses',
            date: { date: '2021-12', precision: 'month' },
            value: 1000,
            source: src,
          },
        ],
      },
      { recordedBy: 'yearbook', idPrefix: 'h:' },
    )
    expect(groups[0]?.streamId).toBe('indicator-covid.doses')
    expect(groups[0]?.events.map((e) => [e.id, e.type, e.validTime])).toEqual([
      ['h:series/covid.doses', 'IndicatorDefined', '2021-12-31'],
      ['h:value/V1', 'ValueReported', '2021-12-31'],
    ])
    expect(groups[0]?.events[0]?.data).toMatchObject({
      attribute: 'observation',
      periodicity: 'month',
      direction: 'neutral',
    })
  })

  it('reports duplicate ids and unknown series', () => {
    const r = loadHistoryDocument({
      format: 'progress-ledger/history@1',
      series: [],
      values: [
        { id: 'V1', series: 's', date: { date: '2021', precision: 'year' }, value: 1, source: src },
        { id: 'V1', series: 's', date: { date: '2021', precision: 'year' }, value: 1, source: src },
      ],
    })
    expect(r._tag === 'Invalid' ? r.issues.map((i) => i.message) : []).toEqual([
      'values[1].id: expected an id used once, got "V1"',
      'values[0].series: expected a series of the document, got "s"',
      'values[1].series: expected a series of the document, got "s"',
    ])
  })

  it('reads a range as the period of its last day', () => {
    expect(
      periodOfDate({ date: '2021-12-08', precision: 'range', end: isoDate('2021-12-20') }),
    ).toEqual({ period: '2021-12-20', kind: 'day' })
    expect(periodOfDate({ date: '2021', precision: 'year' })).toEqual({
      period: '2021',
      kind: 'year',
    })
  })
})
