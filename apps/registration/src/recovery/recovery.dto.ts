import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class RecoveryRequestDto {
  @ApiProperty({ example: 'siti@example.id' }) @IsEmail() @MaxLength(254) email!: string;
}

export class AcceptedResponse {
  @ApiProperty({ enum: ['accepted'], description: 'the same answer whether or not the e-mail belongs to an account' }) status!: 'accepted';
}

export class PasswordResetConfirmDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(200) token!: string;
  @ApiProperty({ minLength: 10, description: 'at least 10 characters with a letter and a digit' })
  @IsString()
  @MinLength(10)
  @MaxLength(128)
  @Matches(/(?=.*[A-Za-z])(?=.*\d)/, { message: 'password must contain a letter and a digit' })
  password!: string;
}
