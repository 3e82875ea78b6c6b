import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { RequiredText } from '@seleksi/messaging';

export class SignUpDto {
  @ApiProperty({ example: '3273014412980001', description: 'NIK, 16 digits; a birth date/gender mismatch is only a warning' })
  @IsString()
  @IsNotEmpty()
  nik!: string;
  @ApiProperty({ example: '3273010101090012', description: 'KK (family card) number, 16 digits' }) @IsString() @IsNotEmpty() kkNumber!: string;
  @ApiProperty({ example: 'Siti Rahmawati' }) @RequiredText(120) fullName!: string;
  @ApiProperty({ example: 'Bandung' }) @RequiredText(80) placeOfBirth!: string;
  @ApiProperty({ example: '1998-12-04' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dateOfBirth must be a date YYYY-MM-DD' }) dateOfBirth!: string;
  @ApiProperty({ enum: ['F', 'M'] }) @IsIn(['F', 'M']) gender!: 'F' | 'M';
  @ApiProperty({ example: 'siti@example.id' }) @IsEmail() @MaxLength(254) email!: string;
  @ApiProperty({ example: '0812-3456-7890', description: 'Indonesian forms accepted; stored as +62…' }) @IsString() @IsNotEmpty() phone!: string;
  @ApiProperty({ minLength: 10, description: 'at least 10 characters with a letter and a digit' })
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  @Matches(/(?=.*[A-Za-z])(?=.*\d)/, { message: 'password must contain a letter and a digit' })
  password!: string;
  @ApiPropertyOptional({ enum: ['id', 'en'], default: 'id', description: 'the language of the e-mails to this account' })
  @IsOptional()
  @IsIn(['id', 'en'])
  locale?: 'id' | 'en';
}

export class NikWarningDto {
  @ApiProperty({ enum: ['NIK_BIRTH_DATE_MISMATCH', 'NIK_GENDER_MISMATCH'] }) code!: string;
  @ApiProperty() message!: string;
}

export class AccountResponse {
  @ApiProperty() id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() emailConfirmed!: boolean;
  @ApiProperty() fullName!: string;
  @ApiProperty({ example: '3273********0001' }) nikMasked!: string;
  @ApiProperty() placeOfBirth!: string;
  @ApiProperty() dateOfBirth!: string;
  @ApiProperty({ enum: ['F', 'M'] }) gender!: string;
  @ApiProperty({ example: '+6281234567890' }) phone!: string;
  @ApiProperty({ type: [NikWarningDto] }) nikWarnings!: NikWarningDto[];
  @ApiProperty({ enum: ['id', 'en'] }) locale!: string;
}

export class ConfirmEmailDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) token!: string;
}
