import {
  COMMAND_LIMITS,
  type CommandOf,
  RISK_SEVERITIES,
  RISK_SIGNAL_KINDS,
  type RiskSeverity,
  type RiskSignalKind,
} from '#domain';
import { DateProperty, EntityIdProperty } from '../shared/validators.js';
import { EnumProperty, TextProperty } from '../shared/dto-properties.js';

export class RaiseRiskSignalDto {
  @EntityIdProperty('Id of this signal, unique within the council', { example: 'rs-2019-002' })
  signalId!: string;

  @DateProperty('When the signal was seen (e.g. the date of the section 114 notice)')
  occurredAt!: string;

  @EnumProperty(RISK_SIGNAL_KINDS, {
    description: 'What kind of risk',
    example: 'financial_distress',
  })
  kind!: RiskSignalKind;

  @EnumProperty(RISK_SEVERITIES, { description: 'How serious the risk is judged', example: 'high' })
  severity!: RiskSeverity;

  @TextProperty(COMMAND_LIMITS.evidenceMaxLength, {
    description: 'Why: the evidence behind the signal, about the council and not about people',
    example: 'Finance adviser flagged an unfunded budget gap of £12m for 2020/21',
  })
  evidence!: string;

  toCommand(gss: string): CommandOf<'RaiseRiskSignal'> {
    return {
      type: 'RaiseRiskSignal',
      data: {
        gss,
        occurredAt: this.occurredAt,
        signalId: this.signalId,
        kind: this.kind,
        severity: this.severity,
        evidence: this.evidence,
      },
    };
  }
}
