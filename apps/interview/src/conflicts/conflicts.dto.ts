import { ApiProperty } from '@nestjs/swagger';
import { RequiredText } from '@seleksi/messaging';

export class DeclareConflictDto {
  @ApiProperty({ example: 'The candidate is my former student.' }) @RequiredText(1000) reason!: string;
}

export class ConflictDeclaredDto {
  @ApiProperty() recused!: boolean;
  @ApiProperty({ description: 'The panel fell below its minimum size and the candidate went to another panel.' }) candidateMoved!: boolean;
  @ApiProperty({ description: 'No panel could take the candidate; admins see them as UNPLACED.' }) candidateUnplaced!: boolean;
}
